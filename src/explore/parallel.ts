/**
 * Parallel expansion for breadth-first search. Worker threads compute the successors of
 * upcoming batches of the queue while the main thread commits (stores, checks) the batch
 * before. The main thread consumes results in queue order, level by level, so a search
 * run to the end finds the sequential search's counts, and counterexamples of the same
 * (shortest) length. Within a level, a state reached from two parents is stored after the
 * one whose batch inserted it first, not always the earlier in the queue: a search stopped
 * early may have stored other states by then than the sequential one. Workers hold
 * frozen replicas of the interning tables, kept current by deltas sent to all before a
 * batch; a state whose expansion needs a new id is a miss and is expanded by the main
 * thread, which then interns it for everyone.
 *
 * Batches go round a ring that any thread takes from in turn (parallel-protocol.ts), the
 * main thread too: rather than wait for the batch it needs next, it expands the oldest
 * one nobody has taken. On two cores the main thread shares a core with the workers, so
 * a worker the scheduler set aside holds up one small batch, which another thread
 * finishes, instead of every batch dealt to it. The search starts alone while the workers
 * boot (`launch`) and hands them batches once all are ready. Properties stay on the main
 * thread: each worker would keep its own memo of property values and recompute what the
 * others have (measured: about 1 s more CPU in all on ballots {0..3} than the main
 * thread's share).
 */
import { Worker } from 'node:worker_threads';
import type { ComposedSystem, TableSizes } from './compose.ts';
import { BatchExpansion } from './batch-expansion.ts';
import { COUNT_EVERY, SharedFingerprintSet } from './fingerprint-set.ts';
import {
  CLAIM, DONE, LOST, MISS, READY, REQUESTED, STATUS_WORDS, STOP, SUCCESSOR_HEADER, WORKER_STATS, allocateSlot, openSlot, threadCpuMs, type Slot, type SystemRecipe, type WorkerInit,
} from './parallel-protocol.ts';
import type { StateStore } from './state-store.ts';

export interface ParallelOptions {
  workers: number;
  recipe: SystemRecipe;
  /** States per batch (default BATCH). */
  batch?: number;
  /** Batches in flight: the ring's slots (default RING). */
  ring?: number;
  /** Initial capacity of the shared visited set; default 2^24. It doubles once GROW_AT full. */
  capacity?: number;
}

export type WorkerStats = Record<(typeof WORKER_STATS)[number], number>;

export interface ParallelStats {
  /** CPU time of the calling (main) thread so far. */
  mainCpuMs: number;
  /** Milliseconds the search waited for a batch. */
  waitedMs: number;
  /** States expanded in batches (by workers or, in `helped`, the main thread), and those handed back (misses). */
  expanded: number;
  misses: number;
  helped: number;
  /** Interning-table deltas posted, and their total size as JSON. */
  deltas: number;
  deltaChars: number;
  /** Times the shared visited set doubled. */
  grew: number;
  warnings: string[];
  workers: WorkerStats[];
}

interface Pending {
  slot: Slot;
  seq: number;
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
 * Default states per batch and batches in flight. A small batch is what a descheduled
 * thread holds up; on ballots {0..3} with 2 workers, batches of 512 to 2,048 states and
 * rings of 16 or 32 measured alike, within the machine's noise.
 */
const BATCH = 1024;
/** The fewest states a batch holds when its level has that many left (see `batchSize`). */
const MIN_BATCH = 64;
const RING = 16;
/**
 * Once the shared visited set is this full (a percentage), no more batches go out, and
 * when the last is in, it doubles: it cannot grow while another thread inserts. Ballots
 * {0..3} (8.2 million states, 49% of 2^24) never grows it.
 */
const GROW_AT = 60;
const MAX_WIDTH = 64;
/** New successors a state is assumed to have at most: sizes the result slots and the room a batch takes in the visited set. */
const SUCCESSORS_PER_STATE = 24;

export class ParallelExpander {
  private readonly workers: Worker[];
  /** Batch q goes in ring[q % ring.length]. */
  private readonly ring: Slot[];
  /** Batches handed out and not yet consumed, in sequence (= queue) order. */
  private readonly pending: Pending[] = [];
  private readonly batch: number;
  /** The next batch's sequence number. */
  private seq = 0;
  /** Index of the first stored state not yet in a batch. */
  private dispatched = 0;
  private scratch = new Uint32Array(0);
  /** The main thread's own expansion of batches nobody took (see `await`). */
  private own: BatchExpansion;
  /** States replayed from batches, states handed back (misses), and states of batches the main thread expanded. */
  expanded = 0;
  misses = 0;
  helped = 0;
  /** The visited set the workers and the main thread share (replaced when it grows). */
  visited: SharedFingerprintSet;
  /** See parallel-protocol.ts: READY, CLAIM. */
  private readonly status: Int32Array;
  private readonly workerStats: Float64Array[];
  private ready = false;
  private failure: unknown = null;
  /** What workers reported (a state they could not expand, a worker that stopped), as they reached this thread's event loop. */
  readonly warnings: string[] = [];

  /**
   * Starts the workers and resolves once each has built its replica, so that the search
   * hands them work from its first state (tests use this to be sure the workers ran).
   */
  static async start(system: ComposedSystem, options: ParallelOptions): Promise<ParallelExpander> {
    const expander = ParallelExpander.launch(system, options);
    const status = expander.status;
    while (Atomics.load(status, READY) < expander.workers.length) {
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
    this.batch = options.batch ?? BATCH;
    this.visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(options.capacity ?? 1 << 24));
    this.own = new BatchExpansion(system, this.visited);
    const status = new SharedArrayBuffer(4 * STATUS_WORDS);
    this.status = new Int32Array(status);
    const requestWords = 2 + this.batch * MAX_WIDTH;
    const resultWords = this.batch * (3 + SUCCESSORS_PER_STATE * (SUCCESSOR_HEADER + 16));
    const buffers = Array.from({ length: options.ring ?? RING }, () => allocateSlot(requestWords, resultWords));
    this.ring = buffers.map(openSlot);
    const stats = Array.from({ length: options.workers }, () => new SharedArrayBuffer(8 * WORKER_STATS.length));
    this.workerStats = stats.map((b) => new Float64Array(b));
    this.workers = stats.map((workerStats, index) => {
      const workerData: WorkerInit = { recipe: options.recipe, slots: buffers, visited: this.visited.buffer, index, workers: options.workers, status, stats: workerStats };
      const w = new Worker(WORKER_BOOT, { eval: true, workerData });
      w.on('error', (err) => { this.failure ??= err; });
      w.on('message', (m: { warning?: string }) => { if (m.warning) this.warnings.push(m.warning); });
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
    this.ready = Atomics.load(this.status, READY) === this.workers.length;
    return this.ready;
  }

  /**
   * Hands batches of not-yet-dispatched stored states to free slots, in queue order, never
   * past the level of the state being committed (`level`): threads insert into the shared
   * visited set as they go, and a state must be first reached at its shortest depth.
   */
  private dispatch(store: StateStore, level: number): void {
    if (this.pending.length === this.ring.length || !this.allReady()) return;
    const stride = store.width;
    if (stride > MAX_WIDTH) return; // too wide to ship: the main thread expands the rest
    // States the search expanded before the workers were ready are not theirs.
    if (this.dispatched < this.committed) this.dispatched = this.committed;
    while (this.pending.length < this.ring.length && this.dispatched < store.size && store.depth(this.dispatched) === level) {
      // Read only when there is a batch to send: the count's cache line is the workers'.
      if (this.crowded()) break;
      const slot = this.ring[this.seq % this.ring.length];
      const count = this.batchSize(this.levelEnd(store, level) - this.dispatched);
      // The batches out may insert up to 90% before the set can grow: never more than that room.
      if ((this.outStates + count) * SUCCESSORS_PER_STATE > this.room()) break;
      const req = slot.request;
      req[0] = count;
      req[1] = stride;
      store.copyRange(this.dispatched, count, req, 2);
      this.sendDelta();
      this.pending.push({ slot, seq: this.seq, first: this.dispatched, count, offsets: null });
      this.outStates += count;
      this.dispatched += count;
      Atomics.store(slot.control, REQUESTED, ++this.seq);
      Atomics.notify(slot.control, REQUESTED);
    }
  }

  /** The level whose states are being dispatched, and the index where the next one starts. */
  private level = -1;
  private end = 0;

  /**
   * Index of the first stored state past `level`. While the search expands a level, every
   * state of it is stored (each was found from the level before), and depths are
   * non-decreasing in the queue: found by bisection, once per level.
   */
  private levelEnd(store: StateStore, level: number): number {
    if (level !== this.level) {
      let lo = this.dispatched;
      let hi = store.size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (store.depth(mid) === level) lo = mid + 1;
        else hi = mid;
      }
      this.level = level;
      this.end = lo;
    }
    return this.end;
  }

  /**
   * States for the next batch, with `left` states of the level not yet sent: a share of
   * them per thread, halved, between MIN_BATCH and the batch size (guided scheduling). A
   * level ends with small batches, so that no thread finishes one long after the others
   * (each level waits for the one before), and a small level is still split among threads.
   * Ballots {0..3}, main thread + 1 worker, against batches of BATCH cut at the level's
   * end: the single thread's time over this one's, median of 6 rounds, 1.76 against
   * 1.73, better in 3 rounds and equal in 3 (a small gain, within this machine's noise).
   */
  private batchSize(left: number): number {
    const share = Math.ceil(left / (2 * (this.workers.length + 1)));
    return Math.min(left, this.batch, Math.max(MIN_BATCH, share));
  }

  /** Table sizes the workers last heard of. */
  private sent: TableSizes | null = null;
  /** Table deltas sent, and their size as JSON (a measure of the structured clone's work). */
  private deltas = 0;
  private deltaChars = 0;

  /** Sends every worker the ids interned since they last heard, before the next batch (whoever takes it). */
  private sendDelta(): void {
    const now = this.system.tableSizes();
    if (this.sent && sameSizes(this.sent, now)) return;
    const tables = this.sent ? this.system.exportTables(this.sent) : this.system.exportTables();
    this.deltas++;
    this.deltaChars += JSON.stringify(tables).length;
    for (const w of this.workers) w.postMessage(tables);
    this.sent = now;
  }

  /**
   * For state `index`, as a batch's expansion found it: calls `fresh` for each successor
   * not visited before and returns how many successors it had; -1 if the search must
   * expand it itself (not dispatched, or a miss).
   */
  replay(index: number, store: StateStore, fresh: (action: number, next: Uint32Array) => void): number {
    this.committed = index;
    // Batches wholly behind `index` (states the search skipped) are done with, once
    // finished: their slots are reused.
    while (this.pending.length > 0 && this.pending[0].first + this.pending[0].count <= index) this.await(this.retire());
    // With no batch out, the set may grow; with one out, dispatch waits until none is.
    if (this.pending.length === 0 && this.crowded()) this.grow();
    this.dispatch(store, store.depth(index));
    const head = this.pending[0];
    if (!head || index < head.first || index >= head.first + head.count) return -1;
    if (!head.offsets) {
      this.await(head);
      head.offsets = this.index(head);
    }
    const res = head.slot.result;
    let at = head.offsets[index - head.first];
    if (res[at] === LOST) throw new Error(`an expansion worker failed within a batch, so some states may be missing: ${this.warnings.join('; ') || 'see its warning'}`);
    const miss = res[at] === MISS;
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
    if (index === head.first + head.count - 1) this.retire();
    return miss ? -1 : successors;
  }

  /** Milliseconds the main thread spent waiting for workers. */
  waitedMs = 0;
  /** Times the shared visited set doubled. */
  grew = 0;

  /** States in the batches out. */
  private outStates = 0;

  /** Takes the oldest batch off the list of those out. */
  private retire(): Pending {
    const p = this.pending.shift()!;
    this.outStates -= p.count;
    return p;
  }

  /**
   * Inserts the batches out may make before the set is 90% full, were it GROW_AT full now
   * (each worker adds its inserts to the shared count only every COUNT_EVERY). Batches
   * are sized to it at SUCCESSORS_PER_STATE new successors a state: a model with many
   * more could still fill the set, which ends the search with an error, never short.
   */
  private room(): number {
    return this.visited.capacity * (90 - GROW_AT) / 100 - this.workers.length * COUNT_EVERY;
  }

  /** True once the shared visited set is GROW_AT full. */
  private crowded(): boolean {
    return this.visited.size * 100 > this.visited.capacity * GROW_AT;
  }

  /** Grows the shared visited set ahead, to hold `states` (a resumed search's) below GROW_AT. */
  reserve(states: number): void {
    while (states * 100 > this.visited.capacity * GROW_AT) this.grow();
  }

  /**
   * Doubles the shared visited set while no batch is out, and sends it to the workers,
   * which take it (as they take table deltas) before their next batch.
   */
  private grow(): void {
    this.visited = this.visited.grown();
    this.own = new BatchExpansion(this.system, this.visited);
    for (const w of this.workers) w.postMessage({ visited: this.visited.buffer });
    this.grew++;
  }

  private done(p: Pending): boolean {
    return Atomics.load(p.slot.control, DONE) === p.seq + 1;
  }

  /**
   * Waits for batch `p`. Meanwhile the main thread expands the batches nobody has taken
   * yet, oldest first (`p` itself, if no worker took it): waiting would leave its share
   * of the cores to a thread that may be descheduled with the very batch it needs.
   */
  private await(p: Pending): void {
    while (!this.done(p) && this.help());
    if (this.done(p)) return;
    const t = performance.now();
    for (let seen = Atomics.load(p.slot.control, DONE); seen !== p.seq + 1; seen = Atomics.load(p.slot.control, DONE)) {
      Atomics.wait(p.slot.control, DONE, seen, 50);
    }
    this.waitedMs += performance.now() - t;
  }

  /** Claims and expands the oldest batch no thread has taken; false if there is none. */
  private help(): boolean {
    const seq = Atomics.load(this.status, CLAIM);
    if (seq >= this.seq || Atomics.compareExchange(this.status, CLAIM, seq, seq + 1) !== seq) return false;
    const slot = this.ring[seq % this.ring.length];
    this.helped += this.own.expand(slot.request, slot.result);
    Atomics.store(slot.control, DONE, seq + 1);
    return true;
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
    for (const slot of this.ring) {
      Atomics.store(slot.control, REQUESTED, STOP);
      Atomics.notify(slot.control, REQUESTED);
    }
    const until = performance.now() + 200;
    for (let n = Atomics.load(this.status, READY); this.ready && n > 0 && performance.now() < until; n = Atomics.load(this.status, READY)) {
      Atomics.wait(this.status, READY, n, 20);
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
      helped: this.helped,
      deltas: this.deltas,
      deltaChars: this.deltaChars,
      grew: this.grew,
      warnings: [...this.warnings],
      workers: this.workerStats.map((w) => Object.fromEntries(WORKER_STATS.map((name, k) => [name, w[k]])) as WorkerStats),
    };
  }
}

function sameSizes(a: TableSizes, b: TableSizes): boolean {
  return a.entries === b.entries && a.locals.every((n, i) => n === b.locals[i]) && a.events.every((n, i) => n === b.events[i]);
}
