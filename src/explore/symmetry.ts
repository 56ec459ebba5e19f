/**
 * Symmetry reduction: states that differ only by a renaming of interchangeable names
 * (acceptors, values) are explored once. A state's canonical fingerprint is the smallest
 * of the fingerprints of its images under all R renamings; the visited set holds
 * canonical fingerprints, and the store keeps the state as it was reached (so paths stay
 * real paths of the unreduced system). The number of distinct images is the size of the
 * state's orbit, so summing orbits over explored states gives the unreduced count.
 *
 * Nothing is materialised on the hot path: an image's fingerprint is the XOR of one
 * Zobrist key per element (an actor's local state in its renamed slot, a renamed message)
 * read from symmetry-tables.ts. A successor differs from the state being expanded in a
 * few words, so its R image fingerprints are the parent's with only the changed elements
 * re-keyed: O(changed elements x R) per successor instead of O(state x R).
 *
 * Distinct states that share a canonical fingerprint are merged, as with any fingerprint
 * set: the odds are about R x states^2 / 2^65 (see docs/symmetry.md).
 */
import type { ComposedSystem } from './compose.ts';
import type { Fingerprint } from './fingerprint.ts';
import { budgetKeys, distinctImages, leastImage, type CanonicalForm, type CanonicalFormKind } from './symmetry-form.ts';
import { SortedSymmetryReducer } from './symmetry-sorted.ts';
import { FAULTS, LOCALS } from './state-layout.ts';
import { SymmetryTables } from './symmetry-tables.ts';

export { rename, renamings } from './symmetry-tables.ts';
export type { CanonicalForm, CanonicalFormKind } from './symmetry-form.ts';

/** At most this many bytes of kept image fingerprints (about 1.4 million states at 12 renamings). */
const IMAGE_WINDOW_BYTES = 128 << 20;

/**
 * Image fingerprints of states found but not yet expanded, in a ring of slots by state
 * index (a state's slot is its index modulo the ring's size). A breadth-first queue is
 * a level wide, so a ring of a few hundred thousand states covers most of it. Grows by
 * doubling up to `max` slots as the queue does.
 */
class ImageWindow {
  private tags = new Int32Array(1 << 10).fill(-1);
  private data: Int32Array;

  constructor(private readonly width: number, private readonly max: number) {
    this.data = new Int32Array(this.tags.length * width);
  }

  get bytes(): number {
    return this.tags.byteLength + this.data.byteLength;
  }

  /** Stores `images` for state `index` unless its slot holds a state after `entered`. */
  put(index: number, images: Int32Array, entered: number): void {
    let slot = index & (this.tags.length - 1);
    if (this.tags[slot] > entered) {
      if (this.tags.length >= this.max) return;
      this.grow();
      slot = index & (this.tags.length - 1);
      if (this.tags[slot] > entered) return;
    }
    this.tags[slot] = index;
    // A loop: for 2R words TypedArray#set's fixed cost dominates.
    const { data, width } = this;
    for (let k = 0, at = slot * width; k < width; k++) data[at + k] = images[k];
  }

  /** Copies the images kept for state `index` into `out`; false if they were not kept. */
  get(index: number, out: Int32Array): boolean {
    const slot = index & (this.tags.length - 1);
    if (this.tags[slot] !== index) return false;
    const from = slot * this.width;
    for (let k = 0; k < this.width; k++) out[k] = this.data[from + k];
    return true;
  }

  private grow(): void {
    const tags = new Int32Array(this.tags.length * 2).fill(-1);
    const data = new Int32Array(tags.length * this.width);
    for (let slot = 0; slot < this.tags.length; slot++) {
      const index = this.tags[slot];
      if (index < 0) continue;
      const to = index & (tags.length - 1);
      tags[to] = index;
      data.set(this.data.subarray(slot * this.width, (slot + 1) * this.width), to * this.width);
    }
    this.tags = tags;
    this.data = data;
  }
}

export class SymmetryReducer implements CanonicalForm {
  readonly tables: SymmetryTables;
  private readonly R: number;
  private readonly n: number;
  private readonly isSet: boolean;
  private readonly netOffset: number;
  /**
   * Image fingerprints of the state being expanded (`enter`), and of the last state
   * fingerprinted: renaming r's hi at 2r, lo at 2r + 1, the layout of the table rows, so
   * one element updates all R images in one flat loop.
   */
  private readonly parentImages: Int32Array;
  private readonly images: Int32Array;
  private entered: Uint32Array | null = null;

  constructor(system: ComposedSystem, groups: readonly (readonly string[])[]) {
    this.tables = new SymmetryTables(system, groups);
    this.R = this.tables.size;
    this.n = system.spec.actors.length;
    this.isSet = system.spec.network.kind === 'set';
    this.netOffset = system.layout.netOffset;
    this.parentImages = new Int32Array(2 * this.R);
    this.images = new Int32Array(2 * this.R);
    this.kept = new ImageWindow(2 * this.R, Math.max(1 << 10, Math.floor(IMAGE_WINDOW_BYTES / (8 * this.R))));
  }

  get group(): number {
    return this.R;
  }

  /**
   * Remembers `parent`'s image fingerprints; its successors are then fingerprinted from
   * them. `index` (its index in the store) finds them among those kept when it was found
   * (`keep`); otherwise they are computed from its elements, which costs as much as the
   * canonical forms of all its successors together.
   */
  enter(parent: Uint32Array, index = -1): void {
    if (index < 0 || !this.kept.get(index, this.parentImages)) this.imagesOf(parent, this.parentImages);
    this.entered = parent;
    this.expanding = index;
  }

  /**
   * Keeps the images of the state last fingerprinted (a new state, stored at `index`) for
   * `enter`; a slot still held by a state not yet entered is left alone (BFS enters states
   * in index order).
   */
  keep(index: number): void {
    this.kept.put(index, this.images, this.expanding);
  }

  get keptBytes(): number {
    return this.kept.bytes;
  }

  private expanding = -1;
  private readonly kept: ImageWindow;

  /**
   * Writes the canonical fingerprint of `v` into `out`. `parent` (the state last given to
   * `enter`, unchanged since) lets it update the parent's images instead of starting over.
   * Returns false, leaving `out` as it was, when `v` equals `parent` (a self-loop: its
   * canonical form is the parent's, which is visited already).
   */
  fingerprint(v: Uint32Array, parent: Uint32Array | null, out: Fingerprint): boolean {
    const { images, R } = this;
    if (parent !== null && parent === this.entered) {
      if (!this.updateImages(parent, v)) return false;
    } else {
      this.imagesOf(v, images);
    }
    const best = leastImage(images, R);
    budgetKeys(v, images[2 * best] >>> 0, images[2 * best + 1] >>> 0, out);
    return true;
  }

  /**
   * Size of the orbit of the state last given to `fingerprint`: its distinct images, which
   * is R / |stabiliser|, the stabiliser being the renamings whose image is the state itself
   * (renaming 0 is the identity). Counted from scratch only if a fingerprint collision
   * made that quotient fractional.
   */
  orbit(): number {
    const { images, R } = this;
    let fixed = 0;
    for (let r = 0; r < R; r++) if (images[2 * r] === images[0] && images[2 * r + 1] === images[1]) fixed++;
    if (R % fixed === 0) return R / fixed;
    return distinctImages(images, R);
  }

  /** The canonical fingerprint and orbit of `v`, from scratch (tests, resumed searches). */
  canonical(v: Uint32Array): { fingerprint: Fingerprint; orbit: number } {
    const fingerprint = { hi: 0, lo: 0 };
    this.fingerprint(v, null, fingerprint);
    return { fingerprint, orbit: this.orbit() };
  }

  /** Image fingerprints of `v` under every renaming, from its elements. */
  private imagesOf(v: Uint32Array, images: Int32Array): void {
    const { R, tables } = this;
    images.fill(0);
    if (v[FAULTS] !== 0) {
      for (let r = 0; r < R; r++) {
        images[2 * r] ^= tables.faultKeyHi(r, v[FAULTS]);
        images[2 * r + 1] ^= tables.faultKeyLo(r, v[FAULTS]);
      }
    }
    for (let i = 0; i < this.n; i++) {
      const w = v[LOCALS + (i >>> 1)];
      this.xorLocal(images, i, i & 1 ? w >>> 16 : w & 0xffff);
    }
    for (let at = this.netOffset; at < v.length; at++) this.xorNetworkWord(images, at, 0, v[at]);
  }

  /**
   * `images` := the parent's images, re-keyed where `v` differs from `parent`; false
   * (images untouched) if it does not differ.
   */
  private updateImages(parent: Uint32Array, v: Uint32Array): boolean {
    // The successor may be wider than its parent (messages interned meanwhile): missing words are 0.
    const end = Math.max(parent.length, v.length);
    const common = Math.min(parent.length, v.length);
    let first = 0;
    while (first < common && parent[first] === v[first]) first++;
    if (first === common) {
      const wider = parent.length > v.length ? parent : v;
      while (first < end && wider[first] === 0) first++;
    }
    if (first === end) return false;
    const { R, tables } = this;
    const width = 2 * R;
    // The one-copy keys that change (local states, a set network's messages) are gathered
    // first and XORed into the parent's images in one pass: a typical step changes an
    // actor's local state and sends one message, three rows.
    this.changed = 0;
    for (let at = Math.max(first, LOCALS); at < this.netOffset; at++) {
      const a = parent[at];
      const b = v[at];
      if (a === b) continue;
      const i = (at - LOCALS) * 2;
      if ((a & 0xffff) !== (b & 0xffff)) {
        this.change(tables.localRow(i, a & 0xffff), (a & 0xffff) * width);
        this.change(tables.localRow(i, b & 0xffff), (b & 0xffff) * width);
      }
      if (i + 1 < this.n && a >>> 16 !== b >>> 16) {
        this.change(tables.localRow(i + 1, a >>> 16), (a >>> 16) * width);
        this.change(tables.localRow(i + 1, b >>> 16), (b >>> 16) * width);
      }
    }
    if (this.isSet) {
      for (let at = Math.max(first, this.netOffset); at < end; at++) {
        const a = at < parent.length ? parent[at] : 0;
        const b = at < v.length ? v[at] : 0;
        let d = (a ^ b) >>> 0;
        const firstEntry = (at - this.netOffset) * 32;
        while (d !== 0) {
          const e = firstEntry + 31 - Math.clz32(d & -d);
          d &= d - 1;
          this.change(tables.entryRow(e), e * width);
        }
      }
    }
    this.applyChanges();
    const { images } = this;
    const a0 = parent[FAULTS];
    const b0 = v[FAULTS];
    if (a0 !== b0) {
      for (let r = 0; r < R; r++) {
        images[2 * r] ^= tables.faultKeyHi(r, a0) ^ tables.faultKeyHi(r, b0);
        images[2 * r + 1] ^= tables.faultKeyLo(r, a0) ^ tables.faultKeyLo(r, b0);
      }
    }
    if (!this.isSet) {
      for (let at = Math.max(first, this.netOffset); at < end; at++) {
        const a = at < parent.length ? parent[at] : 0;
        const b = at < v.length ? v[at] : 0;
        if (a !== b) this.xorNetworkWord(images, at, a, b);
      }
    }
    return true;
  }

  /** Key rows (a table and an offset) whose keys `updateImages` XORs in. */
  private readonly changedRows: Int32Array[] = [];
  private readonly changedBases: number[] = [];
  private changed = 0;

  private change(row: Int32Array, base: number): void {
    this.changedRows[this.changed] = row;
    this.changedBases[this.changed] = base;
    this.changed++;
  }

  /** `images` := the parent's images with every changed row XORed in, three at a time. */
  private applyChanges(): void {
    const { images, parentImages, changedRows: rows, changedBases: bases } = this;
    const width = 2 * this.R;
    let j = 0;
    if (this.changed >= 3) {
      const r0 = rows[0], r1 = rows[1], r2 = rows[2];
      const b0 = bases[0], b1 = bases[1], b2 = bases[2];
      for (let k = 0; k < width; k++) images[k] = parentImages[k] ^ r0[b0 + k] ^ r1[b1 + k] ^ r2[b2 + k];
      j = 3;
    } else if (this.changed === 2) {
      const r0 = rows[0], r1 = rows[1];
      const b0 = bases[0], b1 = bases[1];
      for (let k = 0; k < width; k++) images[k] = parentImages[k] ^ r0[b0 + k] ^ r1[b1 + k];
      j = 2;
    } else {
      // A loop: for 2R words TypedArray#set's fixed cost dominates.
      for (let k = 0; k < width; k++) images[k] = parentImages[k];
    }
    for (; j < this.changed; j++) xorRow(images, rows[j], bases[j], width);
  }

  private xorLocal(images: Int32Array, i: number, local: number): void {
    const width = 2 * this.R;
    xorRow(images, this.tables.localRow(i, local), local * width, width);
  }

  /** XORs in the keys of every message whose copies differ between network words `a` and `b`. */
  private xorNetworkWord(images: Int32Array, at: number, a: number, b: number): void {
    const R = this.R;
    const width = 2 * R;
    if (this.isSet) {
      let d = (a ^ b) >>> 0;
      const first = (at - this.netOffset) * 32;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d & -d);
        d &= d - 1;
        const e = first + bit;
        xorRow(images, this.tables.entryRow(e), e * width, width);
      }
      return;
    }
    const first = (at - this.netOffset) * 8;
    for (let k = 0; k < 8; k++) {
      const ca = (a >>> (k * 4)) & 0xf;
      const cb = (b >>> (k * 4)) & 0xf;
      if (ca === cb) continue;
      const e = first + k;
      const row = this.tables.entryRow(e);
      const base = e * width;
      for (let r = 0; r < R; r++) {
        const h = row[base + 2 * r];
        const l = row[base + 2 * r + 1];
        if (ca !== 0) { images[2 * r] ^= SymmetryTables.countHi(h, ca); images[2 * r + 1] ^= SymmetryTables.countLo(l, ca); }
        if (cb !== 0) { images[2 * r] ^= SymmetryTables.countHi(h, cb); images[2 * r + 1] ^= SymmetryTables.countLo(l, cb); }
      }
    }
  }
}

/**
 * The canonical form a search uses: `kind` if given, else the images under every renaming
 * while there are at most SORTED_ABOVE renamings and a group of actors to sort by.
 */
export function canonicalForm(system: ComposedSystem, groups: readonly (readonly string[])[], kind?: CanonicalFormKind): CanonicalForm {
  const sortable = groups.some((g) => g.length > 1 && g.every((name) => system.indexOf(name) !== undefined));
  const size = groups.reduce((n, g) => n * factorial(g.length), 1);
  const chosen = kind ?? (sortable && size > SORTED_ABOVE ? 'sorted' : 'renamings');
  return chosen === 'sorted' ? new SortedSymmetryReducer(system, groups) : new SymmetryReducer(system, groups);
}

/** Group size above which the sorted form is the default (measured: see docs/symmetry.md). */
const SORTED_ABOVE = 48;

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** images[k] ^= row[base + k] for k < width: one element's keys into all images. */
function xorRow(images: Int32Array, row: Int32Array, base: number, width: number): void {
  for (let k = 0; k < width; k++) images[k] ^= row[base + k];
}
