/**
 * Expands one batch of states for parallel search: the successors of each state, the
 * new ones (inserted into the shared visited set here) written out with their step codes
 * (layout in parallel-protocol.ts). Workers run it on their frozen replicas; the main
 * thread runs it on its own system when it has nothing better to do than wait.
 *
 * A state whose expansion needs an id the system may not create (a replica's
 * `NotInterned`) is a miss, before anything of it is inserted: all of its successors are
 * gathered first, then probed.
 *
 * States go in groups of GROUP: the successors of each state in a group are gathered and
 * fingerprinted, then the home slots of all of them are read in one tight loop (`touch`),
 * then they are inserted state by state, in batch order. Reads back to back overlap their
 * cache misses; with a state's successors alone there were few to overlap, and the read
 * was the costliest line of the search. On ballots {0..3}, main thread + 1 worker: 5.47 s
 * against 5.82 s one state at a time (medians of 6 alternating runs).
 */
import type { ComposedSystem } from './compose.ts';
import { rawFingerprint, updateFingerprintAt, type Fingerprint } from './fingerprint.ts';
import type { SharedFingerprintSet } from './fingerprint-set.ts';
import { NotInterned } from './intern.ts';
import { MISS, SUCCESSOR_HEADER } from './parallel-protocol.ts';

/** One state's successors, gathered and fingerprinted, waiting to be inserted. */
class Gathered {
  /** Per successor other than the parent itself: step code, width, the vector's words. */
  words = new Uint32Array(1 << 12);
  used = 0;
  /** Every successor, self-loops included: the count the search reports. */
  count = 0;
  /** Successors in `words`, and per one its fingerprint (lo = 0: equal to the parent, not new). */
  size = 0;
  his = new Uint32Array(64);
  los = new Uint32Array(64);
  /** True if the state could not be expanded here: the search expands it. */
  miss = false;

  reset(): void {
    this.used = 0;
    this.count = 0;
    this.size = 0;
    this.miss = false;
  }

  /** Appends a successor (valid only during the successor callback). */
  push(action: number, next: Uint32Array): void {
    if (this.used + SUCCESSOR_HEADER + next.length > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    let used = this.used;
    const words = this.words;
    words[used++] = action;
    words[used++] = next.length;
    for (let k = 0; k < next.length; k++) words[used++] = next[k];
    this.used = used;
    if (++this.size > this.his.length) {
      const his = new Uint32Array(this.his.length * 2);
      his.set(this.his);
      this.his = his;
      const los = new Uint32Array(this.los.length * 2);
      los.set(this.los);
      this.los = los;
    }
  }
}

/** States whose home-slot reads go together (see above). */
const GROUP = 8;

export class BatchExpansion {
  /** A group's states' successors; `current` is the one being gathered. */
  private readonly group = Array.from({ length: GROUP }, () => new Gathered());
  private current = this.group[0];
  /** The state being expanded: a successor that is this very array is a self-loop (compose.ts `keepsState`). */
  private expanding: Uint32Array = new Uint32Array(0);
  private readonly parentFp: Fingerprint = { hi: 0, lo: 0 };
  private readonly fp: Fingerprint = { hi: 0, lo: 0 };
  /** Where the home-slot reads go, so that they are not optimised away. */
  private sink = 0;
  /** Created once: a closure made per state costs more than the work. */
  private readonly gather = (action: number, next: Uint32Array): void => {
    this.current.count++;
    if (next !== this.expanding) this.current.push(action, next);
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
    const group = this.group;
    for (let first = 0; first < states; first += GROUP) {
      const size = Math.min(GROUP, states - first);
      for (let g = 0; g < size; g++) {
        for (let k = 0; k < stride; k++) v[k] = req[2 + (first + g) * stride + k];
        this.current = group[g];
        this.gatherFrom(v);
      }
      let sink = 0;
      for (let g = 0; g < size; g++) sink ^= this.touch(group[g]);
      this.sink ^= sink;
      for (let g = 0; g < size; g++) at = this.insert(group[g], out, at, limit);
    }
    return states;
  }

  /** Gathers the successors of `v` into `current` and fingerprints them. */
  private gatherFrom(v: Uint32Array): void {
    const g = this.current;
    g.reset();
    this.expanding = v;
    try {
      this.system.successors(v, this.gather);
    } catch (err) {
      if (!(err instanceof NotInterned)) this.warn(String(err));
      g.miss = true;
      return;
    }
    const { words, his, los } = g;
    const fp = this.fp;
    rawFingerprint(v, this.parentFp);
    for (let p = 0, j = 0; j < g.size; j++) {
      const width = words[p + 1];
      // A successor equal to its parent (a self-loop not caught by identity) is not new: no probe.
      if (updateFingerprintAt(v, words, p + SUCCESSOR_HEADER, width, this.parentFp, fp)) {
        his[j] = fp.hi;
        los[j] = fp.lo;
      } else los[j] = 0;
      p += SUCCESSOR_HEADER + width;
    }
  }

  /** Reads the home slots of a state's gathered successors; returns what it read. */
  private touch(g: Gathered): number {
    if (g.miss) return 0;
    const { his, los } = g;
    const visited = this.visited;
    let sink = 0;
    for (let j = 0; j < g.size; j++) if (los[j] !== 0) sink ^= visited.touch(his[j], los[j]);
    return sink;
  }

  /**
   * Inserts the gathered successors of one state and writes its result (header, then the
   * new successors) to `out` from `head`; returns where it stopped. A miss, or a state
   * whose successors would pass `limit`, is handed back for the search to expand.
   */
  private insert(g: Gathered, out: Uint32Array, head: number, limit: number): number {
    if (g.miss || head + g.used > limit) {
      out[head] = MISS;
      out[head + 1] = 0;
      out[head + 2] = 0;
      return head + 3;
    }
    const { words, his, los } = g;
    const visited = this.visited;
    let fresh = 0;
    let at = head + 3;
    for (let p = 0, j = 0; j < g.size; j++) {
      const width = words[p + 1];
      if (los[j] !== 0 && visited.add(his[j], los[j])) {
        fresh++;
        out[at++] = words[p];
        out[at++] = width;
        for (let k = 0; k < width; k++) out[at++] = words[p + SUCCESSOR_HEADER + k];
      }
      p += SUCCESSOR_HEADER + width;
    }
    out[head] = 0;
    out[head + 1] = g.count;
    out[head + 2] = fresh;
    return at;
  }
}
