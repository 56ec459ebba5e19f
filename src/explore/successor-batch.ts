/**
 * The successors of one state with their fingerprints, held until the state is expanded
 * so that the visited set is probed for all of them at once (`touch` first reads every
 * home slot: independent loads, whose cache misses the processor overlaps).
 */
import type { Fingerprint } from './fingerprint.ts';

export class SuccessorBatch {
  size = 0;
  actions = new Int32Array(16);
  hi = new Uint32Array(16);
  lo = new Uint32Array(16);
  /** Vector j is words[starts[j], starts[j + 1]). */
  private starts = new Int32Array(17);
  private words = new Uint32Array(256);
  /** Where `touch` leaves what it read, so that the reads are not optimised away. */
  sink = 0;

  /** Appends a copy of `next` (valid only during the successor callback) with its fingerprint. */
  add(action: number, next: Uint32Array, fp: Fingerprint): void {
    const j = this.size++;
    if (j === this.actions.length) this.grow();
    this.actions[j] = action;
    this.hi[j] = fp.hi;
    this.lo[j] = fp.lo;
    const at = this.starts[j];
    if (at + next.length > this.words.length) {
      const words = new Uint32Array(Math.max(this.words.length * 2, at + next.length));
      words.set(this.words);
      this.words = words;
    }
    for (let k = 0; k < next.length; k++) this.words[at + k] = next[k];
    this.starts[j + 1] = at + next.length;
  }

  /**
   * Successor j's vector, copied into a buffer that the next call reuses. Not a subarray:
   * a view is an object, and a search asks for one per new state (about 800 MB of garbage
   * on Paxos.tla with ballots {0..3}).
   */
  vector(j: number): Uint32Array {
    const from = this.starts[j];
    const width = this.starts[j + 1] - from;
    if (this.out.length !== width) this.out = new Uint32Array(width);
    const { out, words } = this;
    for (let k = 0; k < width; k++) out[k] = words[from + k];
    return out;
  }

  private out = new Uint32Array(0);

  /** Reads the home slot of every fingerprint in the batch, so the probes that follow hit the cache. */
  touch(set: { touch(hi: number, lo: number): number }): void {
    let sink = 0;
    for (let j = 0; j < this.size; j++) sink ^= set.touch(this.hi[j], this.lo[j]);
    this.sink = sink;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const n = this.actions.length * 2;
    const actions = new Int32Array(n);
    actions.set(this.actions);
    const hi = new Uint32Array(n);
    hi.set(this.hi);
    const lo = new Uint32Array(n);
    lo.set(this.lo);
    const starts = new Int32Array(n + 1);
    starts.set(this.starts);
    this.actions = actions;
    this.hi = hi;
    this.lo = lo;
    this.starts = starts;
  }
}
