/**
 * A canonical form for large symmetry groups: instead of the images under all R
 * renamings (symmetry.ts), only those that sort one group of interchangeable actors
 * (the largest, e.g. 5 acceptors: 120 of 720 renamings with 3 values) by a per-actor key.
 * The other groups (values) are still renamed every way, and actors with equal keys are
 * tried in every order, so the form stays exact: the candidate renamings of a state's
 * image under g are the state's candidates composed with g^-1, hence every state of an
 * orbit has the same set of candidate images and the same smallest fingerprint.
 *
 * An actor's key must not change when the group's actors are renamed: it is made of its
 * local state and the messages it sent (present in the state), each renamed so that the
 * actor itself becomes the group's first one, the least id over the renamings that do.
 * Those ids are computed once per (local state or message, renaming of the other groups).
 *
 * Orbits: the candidates K of a state are closed under its stabiliser S, and two of them
 * give the same image exactly when they differ by an element of S, so the orbit's size
 * |G| / |S| is |G| x (distinct candidate images) / |K|.
 */
import type { ComposedSystem } from './compose.ts';
import { fmix, type Fingerprint } from './fingerprint.ts';
import { budgetKeys, distinctImages, leastImage, type CanonicalForm } from './symmetry-form.ts';
import { FAULTS } from './state-layout.ts';
import { SymmetryTables } from './symmetry-tables.ts';

/** Beyond this many actors the slot-code table (k^k entries per renaming of the rest) is too big. */
const MAX_SORTED = 8;

export class SortedSymmetryReducer implements CanonicalForm {
  readonly tables: SymmetryTables;
  readonly group: number;
  private readonly system: ComposedSystem;
  private readonly isSet: boolean;
  /** Actor indices of the sorted group, and its size k. */
  private readonly members: Int32Array;
  private readonly k: number;
  /** Number of renamings of the other groups (D), each a "d". */
  private readonly D: number;
  /** k^p: a renaming of the group is coded as the sum of slot(p) x k^p over positions p. */
  private readonly pow: Int32Array;
  /** (d, code) -> renaming index r, at d * k^k + code. */
  private readonly byCode: Int32Array;
  /** Per d * k + p: the renamings with other-group part d that move member p to slot 0. */
  private readonly fixing: Int32Array[];
  /** Position in the group of each actor index, -1 outside it. */
  private readonly position: Int32Array;
  /** Per member position: key of each local id under each d (local * D + d); -1 = not computed. */
  private localKeys: Int32Array[];
  /** Per message: its sender's position in the group (-1 outside it, -2 = not computed), and keys per d. */
  private owner = new Int32Array(0);
  private messageKeys = new Int32Array(0);

  // Scratch, reused for every state.
  private readonly keys: Int32Array;
  private readonly order: Int32Array;
  private candidates = new Int32Array(64);
  private images = new Int32Array(128);
  private count = 0;
  private lastOrbit = 1;
  private entered: Uint32Array | null = null;

  constructor(system: ComposedSystem, groups: readonly (readonly string[])[]) {
    this.system = system;
    this.tables = new SymmetryTables(system, groups);
    this.group = this.tables.size;
    this.isSet = system.spec.network.kind === 'set';
    const actorGroups = groups.filter((g) => g.length > 1 && g.every((name) => system.indexOf(name) !== undefined));
    if (actorGroups.length === 0) throw new Error('the sorted canonical form needs a group of interchangeable actors');
    const sorted = actorGroups.reduce((a, b) => (b.length > a.length ? b : a));
    if (sorted.length > MAX_SORTED) throw new Error(`the sorted canonical form sorts at most ${MAX_SORTED} actors, got ${sorted.length}`);
    this.members = Int32Array.from(sorted, (name) => system.indexOf(name)!);
    this.k = sorted.length;
    this.position = new Int32Array(system.n).fill(-1);
    this.members.forEach((a, p) => { this.position[a] = p; });
    this.pow = Int32Array.from({ length: this.k }, (_, p) => this.k ** p);
    const codes = this.k ** this.k;

    // Split every renaming into its part on the other groups (numbered d) and its slot code.
    const others = groups.filter((g) => g !== sorted).flat();
    const dOf = new Map<string, number>();
    const parts = this.tables.maps.map((m, r) => {
      const key = others.map((x) => m.get(x) ?? x).join('\u0000');
      if (!dOf.has(key)) dOf.set(key, dOf.size);
      let code = 0;
      for (let p = 0; p < this.k; p++) code += this.position[this.tables.actorPerm[r][this.members[p]]] * this.pow[p];
      return { d: dOf.get(key)!, code };
    });
    this.D = dOf.size;
    this.byCode = new Int32Array(this.D * codes).fill(-1);
    const fixing: number[][] = Array.from({ length: this.D * this.k }, () => []);
    parts.forEach(({ d, code }, r) => {
      this.byCode[d * codes + code] = r;
      for (let p = 0; p < this.k; p++) if (Math.floor(code / this.pow[p]) % this.k === 0) fixing[d * this.k + p].push(r);
    });
    this.fixing = fixing.map((rs) => Int32Array.from(rs));
    this.localKeys = Array.from({ length: this.k }, () => new Int32Array(0));
    this.keys = new Int32Array(this.D * this.k);
    this.order = new Int32Array(this.k);
  }

  enter(parent: Uint32Array): void {
    this.entered = parent;
  }

  keep(): void {}

  /** Nothing is kept per state: each state's form is computed from the state alone. */
  readonly keptBytes = 0;

  fingerprint(v: Uint32Array, parent: Uint32Array | null, out: Fingerprint): boolean {
    if (parent !== null && parent === this.entered && sameState(parent, v)) return false;
    this.computeKeys(v);
    this.count = 0;
    for (let d = 0; d < this.D; d++) this.addCandidates(d);
    this.computeImages(v);
    const { images, count } = this;
    const best = leastImage(images, count);
    const distinct = distinctImages(images, count);
    if ((this.group * distinct) % count !== 0) throw new Error(`sorted canonical form: ${distinct} distinct images among ${count} candidates do not divide a group of ${this.group}`);
    this.lastOrbit = (this.group * distinct) / count;
    budgetKeys(v, images[2 * best] >>> 0, images[2 * best + 1] >>> 0, out);
    return true;
  }

  orbit(): number {
    return this.lastOrbit;
  }

  canonical(v: Uint32Array): { fingerprint: Fingerprint; orbit: number } {
    const fingerprint = { hi: 0, lo: 0 };
    this.fingerprint(v, null, fingerprint);
    return { fingerprint, orbit: this.lastOrbit };
  }

  /** keys[d * k + p] := member p's key under d: its local state and the messages it sent. */
  private computeKeys(v: Uint32Array): void {
    const { keys, k, D, system } = this;
    for (let p = 0; p < k; p++) {
      const local = system.layout.local(v, this.members[p]);
      for (let d = 0; d < D; d++) keys[d * k + p] = fmix(Math.imul(this.localKey(p, local, d) + 1, 0x9e3779b1));
    }
    system.layout.forEachPresent(v, (e) => {
      const p = this.ownerOf(e);
      if (p < 0) return;
      const copies = system.copies(v, e);
      for (let d = 0; d < D; d++) keys[d * k + p] ^= fmix(Math.imul(this.messageKeys[e * D + d] + 1, 0x85ebca6b) ^ copies);
    });
  }

  /** Appends the renamings (other-group part d) that put the members in key order, ties every way. */
  private addCandidates(d: number): void {
    const { keys, k, order } = this;
    const base = d * k;
    for (let p = 0; p < k; p++) order[p] = p;
    // Insertion sort by (key, position): k is small, and ties start in ascending order.
    for (let j = 1; j < k; j++) {
      const p = order[j];
      let i = j - 1;
      while (i >= 0 && keys[base + order[i]] > keys[base + p]) {
        order[i + 1] = order[i];
        i--;
      }
      order[i + 1] = p;
    }
    const codes = this.k ** this.k;
    for (;;) {
      let code = 0;
      for (let j = 0; j < k; j++) code += j * this.pow[order[j]];
      this.push(this.byCode[d * codes + code]);
      // Odometer over the tie blocks: advance the last block that can, reset those after it.
      let end = k;
      let advanced = false;
      while (end > 0 && !advanced) {
        let start = end - 1;
        while (start > 0 && keys[base + order[start - 1]] === keys[base + order[end - 1]]) start--;
        advanced = nextPermutation(order, start, end);
        end = start;
      }
      if (!advanced) return;
    }
  }

  private push(r: number): void {
    if (this.count === this.candidates.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.candidates);
      this.candidates = grown;
    }
    this.candidates[this.count++] = r;
  }

  /** images[2c], images[2c + 1] := the fingerprint of `v`'s image under candidate c. */
  private computeImages(v: Uint32Array): void {
    const { count, candidates, system, tables } = this;
    if (this.images.length < 2 * count) this.images = new Int32Array(4 * count);
    const images = this.images;
    images.fill(0, 0, 2 * count);
    const width = 2 * this.group;
    if (v[FAULTS] !== 0) {
      for (let c = 0; c < count; c++) {
        images[2 * c] ^= tables.faultKeyHi(candidates[c], v[FAULTS]);
        images[2 * c + 1] ^= tables.faultKeyLo(candidates[c], v[FAULTS]);
      }
    }
    for (let i = 0; i < system.n; i++) {
      const local = system.layout.local(v, i);
      const row = tables.localRow(i, local);
      const base = local * width;
      for (let c = 0; c < count; c++) {
        images[2 * c] ^= row[base + 2 * candidates[c]];
        images[2 * c + 1] ^= row[base + 2 * candidates[c] + 1];
      }
    }
    system.layout.forEachPresent(v, (e) => {
      const row = tables.entryRow(e);
      const base = e * width;
      const copies = this.isSet ? 1 : system.copies(v, e);
      for (let c = 0; c < count; c++) {
        images[2 * c] ^= SymmetryTables.countHi(row[base + 2 * candidates[c]], copies);
        images[2 * c + 1] ^= SymmetryTables.countLo(row[base + 2 * candidates[c] + 1], copies);
      }
    });
  }

  /** The least id of member p's local under the renamings (part d) that make it the first member. */
  private localKey(p: number, local: number, d: number): number {
    const D = this.D;
    if (local * D + d >= this.localKeys[p].length) {
      const grown = new Int32Array(Math.max(64, (local + 1) * D * 2)).fill(-1);
      grown.set(this.localKeys[p]);
      this.localKeys[p] = grown;
    }
    const at = local * D + d;
    if (this.localKeys[p][at] < 0) {
      let least = Infinity;
      for (const r of this.fixing[d * this.k + p]) least = Math.min(least, this.tables.localImage(r, this.members[p], local));
      this.localKeys[p][at] = least;
    }
    return this.localKeys[p][at];
  }

  /** The sender's position of message `e` in the group (-1 if outside), its keys computed. */
  private ownerOf(e: number): number {
    const D = this.D;
    if (e >= this.owner.length) {
      const owner = new Int32Array(Math.max(64, (e + 1) * 2)).fill(-2);
      owner.set(this.owner);
      this.owner = owner;
    }
    if (this.owner[e] === -2) {
      const p = this.position[this.system.senderOf(e)];
      if (p >= 0) {
        for (let d = 0; d < D; d++) {
          let least = Infinity;
          for (const r of this.fixing[d * this.k + p]) least = Math.min(least, this.tables.entryImage(r, e));
          this.keyStore(e, d, least);
        }
      }
      this.owner[e] = p;
    }
    return this.owner[e];
  }

  /** messageKeys[e * D + d] := key, growing the array (by doubling) as messages are interned. */
  private keyStore(e: number, d: number, key: number): void {
    const D = this.D;
    if ((e + 1) * D > this.messageKeys.length) {
      const keys = new Int32Array((e + 1) * D * 2);
      keys.set(this.messageKeys);
      this.messageKeys = keys;
    }
    this.messageKeys[e * D + d] = key;
  }
}

/** Whether two encoded states are equal, trailing zero words aside. */
function sameState(a: Uint32Array, b: Uint32Array): boolean {
  const end = Math.max(a.length, b.length);
  for (let k = 0; k < end; k++) if ((k < a.length ? a[k] : 0) !== (k < b.length ? b[k] : 0)) return false;
  return true;
}

/** Rearranges order[start, end) into its next permutation in lexicographic order; at the last one, back to the first and false. */
function nextPermutation(order: Int32Array, start: number, end: number): boolean {
  let i = end - 2;
  while (i >= start && order[i] >= order[i + 1]) i--;
  if (i >= start) {
    let j = end - 1;
    while (order[j] <= order[i]) j--;
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let a = i + 1, b = end - 1; a < b; a++, b--) [order[a], order[b]] = [order[b], order[a]];
  return i >= start;
}
