/**
 * Expands one batch of states for parallel search: the successors of each state, the
 * new ones (inserted into the shared visited set here) written out with their step codes
 * (layout in parallel-protocol.ts). Workers run it on their frozen replicas; the main
 * thread runs it on its own system when it has nothing better to do than wait.
 *
 * A state whose expansion needs an id the system may not create (a replica's
 * `NotInterned`) is a miss, before anything of it is inserted: all of its successors are
 * gathered first, then probed.
 */
import type { ComposedSystem } from './compose.ts';
import { rawFingerprint, updateFingerprintAt, type Fingerprint } from './fingerprint.ts';
import type { SharedFingerprintSet } from './fingerprint-set.ts';
import { NotInterned } from './intern.ts';
import { MISS, SUCCESSOR_HEADER } from './parallel-protocol.ts';

export class BatchExpansion {
  /** One state's successors (step code, width, words), gathered before any is inserted. */
  private pending = new Uint32Array(1 << 16);
  private used = 0;
  private count = 0;
  /** The state being expanded: a successor that is this very array is a self-loop (compose.ts `keepsState`). */
  private expanding = new Uint32Array(0);
  private readonly parentFp: Fingerprint = { hi: 0, lo: 0 };
  private readonly fp: Fingerprint = { hi: 0, lo: 0 };
  /** Per gathered successor: its fingerprint, or lo = 0 for a self-loop (not new). */
  private his = new Uint32Array(64);
  private los = new Uint32Array(64);
  /** Where the home-slot reads go, so that they are not optimised away. */
  private sink = 0;
  /** Created once: a closure made per state costs more than the work. */
  private readonly gather = (action: number, next: Uint32Array): void => {
    this.count++;
    if (next === this.expanding) return;
    if (this.used + SUCCESSOR_HEADER + next.length > this.pending.length) {
      const grown = new Uint32Array(this.pending.length * 2);
      grown.set(this.pending);
      this.pending = grown;
    }
    let used = this.used;
    const pending = this.pending;
    pending[used++] = action;
    pending[used++] = next.length;
    for (let k = 0; k < next.length; k++) pending[used++] = next[k];
    this.used = used;
  };

  constructor(
    private readonly system: ComposedSystem,
    private readonly visited: SharedFingerprintSet,
    /** Told of an error that is not a missing id (the state is then a miss). */
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** Expands the batch in `req` into `out`; returns how many states it held. */
  expand(req: Uint32Array, out: Uint32Array): number {
    const states = req[0];
    const stride = req[1];
    // Keep room for every state's header words, whatever the successors take.
    const limit = out.length - 3 * states;
    let at = 0;
    const v = new Uint32Array(stride);
    for (let i = 0; i < states; i++) {
      for (let k = 0; k < stride; k++) v[k] = req[2 + i * stride + k];
      this.used = 0;
      this.count = 0;
      let miss = false;
      this.expanding = v;
      try {
        this.system.successors(v, this.gather);
      } catch (err) {
        if (!(err instanceof NotInterned)) this.warn(String(err));
        miss = true;
      }
      // A miss, or too little room left for this state's successors: the search expands it.
      if (miss || at + this.used > limit) {
        out[at++] = MISS;
        out[at++] = 0;
        out[at++] = 0;
        continue;
      }
      at = this.insert(v, out, at);
    }
    return states;
  }

  /**
   * Fingerprints the gathered successors of `v` and reads their home slots, then inserts
   * them: the probes' cache misses overlap (as in SuccessorBatch) instead of queueing.
   * Writes the state's result (header, then the new successors) to `out` from `head`;
   * returns where it stopped.
   */
  private insert(v: Uint32Array, out: Uint32Array, head: number): number {
    const { pending, used, visited, fp } = this;
    rawFingerprint(v, this.parentFp);
    if (this.his.length < this.count) {
      this.his = new Uint32Array(this.count * 2);
      this.los = new Uint32Array(this.count * 2);
    }
    const { his, los } = this;
    for (let p = 0, j = 0; p < used; j++) {
      const width = pending[p + 1];
      // A successor equal to its parent (a self-loop not caught by identity) is not new: no probe.
      if (updateFingerprintAt(v, pending, p + SUCCESSOR_HEADER, width, this.parentFp, fp)) {
        his[j] = fp.hi;
        los[j] = fp.lo;
        this.sink ^= visited.touch(fp.hi, fp.lo);
      } else los[j] = 0;
      p += SUCCESSOR_HEADER + width;
    }
    let fresh = 0;
    let at = head + 3;
    for (let p = 0, j = 0; p < used; j++) {
      const width = pending[p + 1];
      if (los[j] !== 0 && visited.add(his[j], los[j])) {
        fresh++;
        out[at++] = pending[p];
        out[at++] = width;
        for (let k = 0; k < width; k++) out[at++] = pending[p + SUCCESSOR_HEADER + k];
      }
      p += SUCCESSOR_HEADER + width;
    }
    out[head] = 0;
    out[head + 1] = this.count;
    out[head + 2] = fresh;
    return at;
  }
}
