/**
 * Parallel expansion for breadth-first search. Worker threads compute the successors of
 * upcoming batches of the queue while the main thread commits (fingerprints, stores,
 * checks) the batch before. The main thread consumes results in queue order, so the
 * search visits states in exactly the sequential order: same counts, same shortest
 * counterexamples. Workers hold frozen replicas of the interning tables, kept current by
 * deltas sent before each batch; a state whose expansion needs a new id is a miss and
 * is expanded by the main thread, which then interns it for everyone.
 */
import { Worker } from 'node:worker_threads';
import type { ComposedSystem, TableSizes } from './compose.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { ACTION_SPAN, DONE, IDLE, REQUEST, STOP, allocateSlot, openSlot, type Slot, type SystemRecipe } from './parallel-protocol.ts';
import type { StateStore } from './state-store.ts';

export interface ParallelOptions {
  workers: number;
  recipe: SystemRecipe;
  /** States per batch. */
  batch?: number;
  /** Capacity of the shared visited set (fixed: it cannot grow while shared); default 2^24. */
  capacity?: number;
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

const SLOTS_PER_WORKER = 2;
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

  /**
   * Starts the workers and resolves once each has built its replica. Workers need the
   * main thread's event loop to start, so this must finish before the (synchronous)
   * search begins.
   */
  static async start(system: ComposedSystem, options: ParallelOptions): Promise<ParallelExpander> {
    const expander = new ParallelExpander(system, options);
    await Promise.all(expander.workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    })));
    return expander;
  }

  private constructor(private readonly system: ComposedSystem, options: ParallelOptions) {
    this.batch = options.batch ?? 1024;
    this.visited = new SharedFingerprintSet(SharedFingerprintSet.allocate(options.capacity ?? 1 << 24));
    const requestWords = 2 + this.batch * MAX_WIDTH;
    const resultWords = this.batch * (2 + SUCCESSORS_PER_STATE * (3 + 16));
    const buffers = Array.from({ length: options.workers }, () => Array.from({ length: SLOTS_PER_WORKER }, () => allocateSlot(requestWords, resultWords)));
    this.slots = buffers.map((bs) => bs.map(openSlot));
    this.workers = buffers.map((slots) => {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { recipe: options.recipe, slots, visited: this.visited.buffer } });
      w.unref();
      return w;
    });
  }

  /**
   * Hands batches of not-yet-dispatched stored states to idle slots, in queue order, never
   * past the level of the state being committed (`level`): workers insert into the shared
   * visited set as they go, and a state must be first reached at its shortest depth.
   */
  private dispatch(store: StateStore, level: number): void {
    const total = this.workers.length * SLOTS_PER_WORKER;
    const stride = store.width;
    if (stride > MAX_WIDTH) return; // too wide to ship: the main thread expands the rest
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
      const v = new Uint32Array(stride);
      for (let i = 0; i < count; i++) {
        store.read(this.dispatched + i, v);
        req.set(v, 2 + i * stride);
      }
      this.sendDelta(worker);
      this.pending.push({ slot, worker, first: this.dispatched, count, offsets: null });
      this.dispatched += count;
      Atomics.store(slot.control, 0, REQUEST);
      Atomics.notify(slot.control, 0);
    }
  }

  private readonly sentTo: (TableSizes | null)[] = [];

  /** Sends the worker the ids interned since it last heard, before its next batch. */
  private sendDelta(worker: number): void {
    const since = this.sentTo[worker] ?? null;
    const now = this.system.tableSizes();
    if (since && JSON.stringify(since) === JSON.stringify(now)) return;
    this.workers[worker].postMessage(since ? this.system.exportTables(since) : this.system.exportTables());
    this.sentTo[worker] = now;
  }

  /**
   * For state `index`, as the workers expanded it: calls `fresh` for each successor not
   * visited before and returns how many successors it had; -1 if the main thread must
   * expand it itself (not dispatched, or a miss).
   */
  replay(index: number, store: StateStore, fresh: (action: number, next: Uint32Array) => void): number {
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
        const action = res[at] * ACTION_SPAN + res[at + 1];
        const width = res[at + 2];
        at += 3;
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
      for (let s = 0; s < count; s++) at += 3 + res[at + 2];
    }
    return offsets;
  }

  close(): void {
    for (const slots of this.slots) {
      for (const slot of slots) {
        Atomics.store(slot.control, 0, STOP);
        Atomics.notify(slot.control, 0);
      }
    }
    for (const w of this.workers) void w.terminate();
  }
}
