/**
 * Parallel expansion for breadth-first search. Worker threads compute the successors of
 * upcoming batches of the queue while the main thread commits (fingerprints, stores,
 * checks) the batch before. The main thread consumes results in queue order, so the
 * search visits states in exactly the sequential order: same counts, same shortest
 * counterexamples. Workers hold frozen replicas of the interning tables, kept current by
 * deltas sent before each batch; a state whose expansion needs a new id is a miss and
 * is expanded by the main thread, which then interns it for everyone.
 *
 * On two cores the main thread shares a core with the workers: batches go out as block
 * copies of the queue, and the search starts alone while the workers boot (`launch`),
 * handing them batches once all are ready. Properties stay on the main thread: each
 * worker would keep its own memo of property values and recompute what the others have
 * (measured: about 1 s more CPU in all on ballots {0..3} than the main thread's share).
 */
import { Worker } from 'node:worker_threads';
import type { ComposedSystem, TableSizes } from './compose.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import {
  DONE, IDLE, REQUEST, STOP, SUCCESSOR_HEADER, WORKER_STATS, allocateSlot, openSlot, threadCpuMs, type Slot, type SystemRecipe,
} from './parallel-protocol.ts';
import type { StateStore } from './state-store.ts';

export interface ParallelOptions {
  workers: number;
  recipe: SystemRecipe;
  /**
   * States per batch; default 4096: against 1024 it cut the workers' waits about in half on
   * ballots {0..3} (fewer hand-overs through the main thread, each a wake-up), for a few
   * hundred more misses (replicas hear of new ids once a batch) and ~60 MB of slots.
   */
  batch?: number;
  /** Capacity of the shared visited set (fixed: it cannot grow while shared); default 2^24. */
  capacity?: number;
}

export type WorkerStats = Record<(typeof WORKER_STATS)[number], number>;

export interface ParallelStats {
  /** CPU time of the calling (main) thread so far. */
  mainCpuMs: number;
  /** Milliseconds the search waited for a batch. */
  waitedMs: number;
  /** States expanded by workers, and states they handed back (misses). */
  expanded: number;
  misses: number;
  /** Interning-table deltas posted, and their total size as JSON. */
  deltas: number;
  deltaChars: number;
  workers: WorkerStats[];
}

interface Pending {
  slot: Slot;
  worker: number;
  first: number;
  count: number;
  /** Result offsets per state, once the batch is done. */
  offsets: Int32Array | null;
}

/** Workers load TypeScript through tsx, registered before the worker module is imported. */
const WORKER_BOOT = `
import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(`./parallel-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url).href)}); });
`;

/**
 * The search collects batches in queue order, so a worker can run ahead of the other by
 * fewer batches than it has slots: with 2, a batch slower than its neighbour (or a
 * descheduled main thread) left workers waiting; 4 halved their waits on ballots {0..3}.
 */
const SLOTS_PER_WORKER = 4;
const MAX_WIDTH = 64;
const SUCCESSORS_PER_STATE = 24;

export class ParallelExpander {
  private readonly workers: Worker[];
  private readonly slots: Slot[][];
  private readonly pending: Pending[] = [];
  private readonly batch: number;
  private dispatched = 0;
  private nextSlot = 0;
  private scratch = new Uint32Array(0);
  /** States the workers expanded, and those the main thread had to. */
  expanded = 0;
  misses = 0;
  /** The visited set the workers and the main thread share. */
  readonly visited: SharedFingerprintSet;
  /** See parallel-protocol.ts: [0] = workers ready. */
  private readonly status: Int32Array;
  private readonly workerStats: Float64Array[];
  private ready = false;
  private failure: unknown = null;

  /**
   * Starts the workers and resolves once each has built its replica, so that the search
   * hands them work from its first state (tests use this to be sure the workers ran).
   */
  static async start(system: ComposedSystem, options: ParallelOptions): Promise<ParallelExpander> {
    const expander = ParallelExpander.launch(system, options);
    const status = expander.status;
    while (Atomics.load(status, 0) < expander.workers.length) {
      if (expander.failure) throw expander.failure;
      // The workers need this thread's event loop to load their modules: wait in it.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return expander;
  }

  /**
   * Starts the workers without waiting for them: the search expands states itself until
   * all of them have built their replicas (a second or so of loading and compiling that
   * would otherwise leave a core idle). A worker that fails to start makes the search throw.
   */
  static launch(system: ComposedSystem, options: ParallelOptions): ParallelExpander {
    return new ParallelExpander(system, options);
  }

  private constructor(private readonly system: ComposedSystem, options: ParallelOptions) {
    this.batch = options.batch ?? 4096;
    this.visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(options.capacity ?? 1 << 24));
    const status = new SharedArrayBuffer(4);
    this.status = new Int32Array(status);
    const requestWords = 2 + this.batch * MAX_WIDTH;
    const resultWords = this.batch * (3 + SUCCESSORS_PER_STATE * (SUCCESSOR_HEADER + 16));
    const buffers = Array.from({ length: options.workers }, () => Array.from({ length: SLOTS_PER_WORKER }, () => allocateSlot(requestWords, resultWords)));
    this.slots = buffers.map((bs) => bs.map(openSlot));
    const stats = buffers.map(() => new SharedArrayBuffer(8 * WORKER_STATS.length));
    this.workerStats = stats.map((b) => new Float64Array(b));
    this.workers = buffers.map((slots, k) => {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { recipe: options.recipe, slots, visited: this.visited.buffer, status, stats: stats[k] } });
      w.on('error', (err) => { this.failure ??= err; });
      w.unref();
      return w;
    });
  }

  /** True once every worker has built its replica and takes batches. */
  get workersReady(): boolean {
    return this.allReady();
  }

  /** True once every worker has its replica (checked until it is). */
  private allReady(): boolean {
    if (this.ready) return true;
    if (this.failure) throw this.failure;
    this.ready = Atomics.load(this.status, 0) === this.workers.length;
    return this.ready;
  }

  /**
   * Hands batches of not-yet-dispatched stored states to idle slots, in queue order, never
   * past the level of the state being committed (`level`): workers insert into the shared
   * visited set as they go, and a state must be first reached at its shortest depth.
   */
  private dispatch(store: StateStore, level: number): void {
    const total = this.workers.length * SLOTS_PER_WORKER;
    if (this.pending.length === total || !this.allReady()) return;
    const stride = store.width;
    if (stride > MAX_WIDTH) return; // too wide to ship: the main thread expands the rest
    // States the search expanded before the workers were ready are not theirs.
    if (this.dispatched < this.committed) this.dispatched = this.committed;
    while (this.pending.length < total && this.dispatched < store.size && store.depth(this.dispatched) === level) {
      const g = this.nextSlot;
      const worker = g % this.workers.length;
      const slot = this.slots[worker][Math.floor(g / this.workers.length) % SLOTS_PER_WORKER];
      this.nextSlot = (g + 1) % total;
      let count = Math.min(this.batch, store.size - this.dispatched);
      // Depths are non-decreasing in the queue: cut the batch where the next level starts.
      if (store.depth(this.dispatched + count - 1) !== level) {
        let lo = 1;
        let hi = count - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (store.depth(this.dispatched + mid - 1) === level) lo = mid;
          else hi = mid - 1;
        }
        count = lo;
      }
      const req = slot.request;
      req[0] = count;
      req[1] = stride;
      store.copyRange(this.dispatched, count, req, 2);
      this.sendDelta(worker);
      this.pending.push({ slot, worker, first: this.dispatched, count, offsets: null });
      this.dispatched += count;
      Atomics.store(slot.control, 0, REQUEST);
      Atomics.notify(slot.control, 0);
    }
  }

  private readonly sentTo: (TableSizes | null)[] = [];
  /** Table deltas sent, and their size as JSON (a measure of the structured clone's work). */
  private deltas = 0;
  private deltaChars = 0;

  /** Sends the worker the ids interned since it last heard, before its next batch. */
  private sendDelta(worker: number): void {
    const since = this.sentTo[worker] ?? null;
    const now = this.system.tableSizes();
    if (since && JSON.stringify(since) === JSON.stringify(now)) return;
    const tables = since ? this.system.exportTables(since) : this.system.exportTables();
    this.deltas++;
    this.deltaChars += JSON.stringify(tables).length;
    this.workers[worker].postMessage(tables);
    this.sentTo[worker] = now;
  }

  /**
   * For state `index`, as the workers expanded it: calls `fresh` for each successor not
   * visited before and returns how many successors it had; -1 if the main thread must
   * expand it itself (not dispatched, or a miss).
   */
  replay(index: number, store: StateStore, fresh: (action: number, next: Uint32Array) => void): number {
    this.committed = index;
    // Batches wholly behind `index` (states the search skipped) are done with.
    while (this.pending.length > 0 && this.pending[0].first + this.pending[0].count <= index) this.release(this.pending.shift()!);
    this.dispatch(store, store.depth(index));
    const head = this.pending[0];
    if (!head || index < head.first || index >= head.first + head.count) return -1;
    if (!head.offsets) {
      this.await(head);
      head.offsets = this.index(head);
    }
    const res = head.slot.result;
    let at = head.offsets[index - head.first];
    const miss = res[at] === 1;
    const successors = res[at + 1];
    const count = res[at + 2];
    at += 3;
    if (miss) this.misses++;
    else {
      this.expanded++;
      for (let s = 0; s < count; s++) {
        const action = res[at];
        const width = res[at + 1];
        at += SUCCESSOR_HEADER;
        if (this.scratch.length !== width) this.scratch = new Uint32Array(width);
        for (let k = 0; k < width; k++) this.scratch[k] = res[at + k];
        at += width;
        fresh(action, this.scratch);
      }
    }
    if (index === head.first + head.count - 1) this.release(this.pending.shift()!);
    return miss ? -1 : successors;
  }

  /** Milliseconds the main thread spent waiting for workers. */
  waitedMs = 0;

  private await(p: Pending): void {
    if (Atomics.load(p.slot.control, 0) === DONE) return;
    const t = performance.now();
    while (Atomics.load(p.slot.control, 0) !== DONE) Atomics.wait(p.slot.control, 0, REQUEST, 50);
    this.waitedMs += performance.now() - t;
  }

  /** Frees a batch's slot, once its worker has finished writing it. */
  private release(p: Pending): void {
    this.await(p);
    Atomics.store(p.slot.control, 0, IDLE);
    Atomics.notify(p.slot.control, 0);
  }

  /** Start offset of each state's results in a finished batch. */
  private index(p: Pending): Int32Array {
    const offsets = new Int32Array(p.count);
    const res = p.slot.result;
    let at = 0;
    for (let i = 0; i < p.count; i++) {
      offsets[i] = at;
      const count = res[at + 2];
      at += 3;
      for (let s = 0; s < count; s++) at += SUCCESSOR_HEADER + res[at + 1];
    }
    return offsets;
  }

  /** Index of the state the search expands now: batches start at or after it. */
  private committed = 0;

  /**
   * Stops the workers. Each takes itself off the ready count once it saw STOP (its
   * counters are then final); this waits for that briefly, then terminates them.
   */
  close(): void {
    for (const slots of this.slots) {
      for (const slot of slots) {
        Atomics.store(slot.control, 0, STOP);
        Atomics.notify(slot.control, 0);
      }
    }
    const until = performance.now() + 200;
    for (let n = Atomics.load(this.status, 0); this.ready && n > 0 && performance.now() < until; n = Atomics.load(this.status, 0)) {
      Atomics.wait(this.status, 0, n, 20);
    }
    for (const w of this.workers) void w.terminate();
  }

  /** Where the time went: for tuning, printed by `coordkit check` with COORDKIT_WORKER_STATS=1. */
  stats(): ParallelStats {
    return {
      mainCpuMs: threadCpuMs(),
      waitedMs: this.waitedMs,
      expanded: this.expanded,
      misses: this.misses,
      deltas: this.deltas,
      deltaChars: this.deltaChars,
      workers: this.workerStats.map((w) => Object.fromEntries(WORKER_STATS.map((name, k) => [name, w[k]])) as WorkerStats),
    };
  }
}
