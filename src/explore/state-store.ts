/**
 * Every visited state, in discovery order: its encoded vector, its parent's index and
 * the action that reached it. Chunked typed arrays, so storing 10^7 states costs a few
 * hundred MB and never needs one huge contiguous copy; counterexamples are read back by
 * following parents.
 */
const CHUNK = 1 << 16;

export class StateStore {
  private vectors: Uint32Array[] = [];
  private parents: Int32Array[] = [];
  /** Step codes (step.ts): int32. */
  private actions: Int32Array[] = [];
  private depths: Uint16Array[] = [];
  private count = 0;

  constructor(private stride: number) {}

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.vectors.length * CHUNK * (this.stride * 4 + 4 + 4 + 2);
  }

  /** Appends a state; returns its index. */
  push(vector: Uint32Array, parent: number, action: number, depth: number): number {
    if (vector.length > this.stride) this.widen(vector.length);
    const i = this.count++;
    const c = i >>> 16;
    if (c === this.vectors.length) {
      this.vectors.push(new Uint32Array(CHUNK * this.stride));
      this.parents.push(new Int32Array(CHUNK));
      this.actions.push(new Int32Array(CHUNK));
      this.depths.push(new Uint16Array(CHUNK));
    }
    const o = i & (CHUNK - 1);
    // Plain loops: for a handful of words TypedArray#set's fixed cost dominates.
    const chunk = this.vectors[c];
    const at = o * this.stride;
    for (let k = 0; k < vector.length; k++) chunk[at + k] = vector[k];
    this.parents[c][o] = parent;
    this.actions[c][o] = action;
    this.depths[c][o] = depth;
    return i;
  }

  /** Copies state `i` into `out` (which must hold `stride` words); returns `out`. */
  read(i: number, out: Uint32Array = new Uint32Array(this.stride)): Uint32Array {
    const o = (i & (CHUNK - 1)) * this.stride;
    const chunk = this.vectors[i >>> 16];
    for (let k = 0; k < this.stride; k++) out[k] = chunk[o + k];
    return out;
  }

  /**
   * Copies states `first .. first+count-1` into `out` from `offset`, one after another at
   * `stride` words each: one block copy per chunk, where reading them one by one costs a
   * call per state (the parallel search ships whole batches of the queue this way).
   */
  copyRange(first: number, count: number, out: Uint32Array, offset: number): void {
    let at = offset;
    for (let i = first; i < first + count;) {
      const o = i & (CHUNK - 1);
      const n = Math.min(CHUNK - o, first + count - i);
      out.set(this.vectors[i >>> 16].subarray(o * this.stride, (o + n) * this.stride), at);
      at += n * this.stride;
      i += n;
    }
  }

  get width(): number {
    return this.stride;
  }

  parent(i: number): number {
    return this.parents[i >>> 16][i & (CHUNK - 1)];
  }

  action(i: number): number {
    return this.actions[i >>> 16][i & (CHUNK - 1)];
  }

  depth(i: number): number {
    return this.depths[i >>> 16][i & (CHUNK - 1)];
  }

  /** Indices from the initial state to `i`, inclusive. */
  pathTo(i: number): number[] {
    const path: number[] = [];
    for (let k = i; k >= 0; k = this.parent(k)) path.push(k);
    return path.reverse();
  }

  /** The stored columns, trimmed to the states stored: for checkpoints. */
  columns(): { stride: number; vectors: Uint32Array; parents: Int32Array; actions: Int32Array; depths: Uint16Array } {
    const n = this.count;
    const vectors = new Uint32Array(n * this.stride);
    const parents = new Int32Array(n);
    const actions = new Int32Array(n);
    const depths = new Uint16Array(n);
    for (let c = 0; c * CHUNK < n; c++) {
      const k = Math.min(CHUNK, n - c * CHUNK);
      vectors.set(this.vectors[c].subarray(0, k * this.stride), c * CHUNK * this.stride);
      parents.set(this.parents[c].subarray(0, k), c * CHUNK);
      actions.set(this.actions[c].subarray(0, k), c * CHUNK);
      depths.set(this.depths[c].subarray(0, k), c * CHUNK);
    }
    return { stride: this.stride, vectors, parents, actions, depths };
  }

  static fromColumns(c: ReturnType<StateStore['columns']>): StateStore {
    const store = new StateStore(c.stride);
    for (let i = 0; i < c.parents.length; i++) {
      store.push(c.vectors.subarray(i * c.stride, (i + 1) * c.stride), c.parents[i], c.actions[i], c.depths[i]);
    }
    return store;
  }

  /** Re-lays every chunk at a wider stride (new words are zero). Rare: the network grew. */
  private widen(stride: number): void {
    this.vectors = this.vectors.map((old) => {
      const wide = new Uint32Array(CHUNK * stride);
      for (let o = 0; o < CHUNK; o++) wide.set(old.subarray(o * this.stride, (o + 1) * this.stride), o * stride);
      return wide;
    });
    this.stride = stride;
  }
}
