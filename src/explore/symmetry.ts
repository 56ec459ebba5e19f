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
import { keyHi, keyLo, SymmetryTables } from './symmetry-tables.ts';

export { rename, renamings } from './symmetry-tables.ts';

const FAULTS = 0;
const BUDGET = 1;
const DUPS = 2;
const LOCALS = 3;
/** Slots of the two renaming-invariant words (fault budget, duplications). */
const BUDGET_SLOT = 0x30000;

export class SymmetryReducer {
  readonly tables: SymmetryTables;
  private readonly R: number;
  private readonly n: number;
  private readonly isSet: boolean;
  private readonly netOffset: number;
  /** Image fingerprints of the state being expanded (`enter`). */
  private readonly parentHi: Int32Array;
  private readonly parentLo: Int32Array;
  private entered: Uint32Array | null = null;
  /** Image fingerprints of the last state fingerprinted. */
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;

  constructor(system: ComposedSystem, groups: readonly (readonly string[])[]) {
    this.tables = new SymmetryTables(system, groups);
    this.R = this.tables.size;
    this.n = system.spec.actors.length;
    this.isSet = system.spec.network.kind === 'set';
    this.netOffset = system.netOffset;
    this.parentHi = new Int32Array(this.R);
    this.parentLo = new Int32Array(this.R);
    this.hi = new Int32Array(this.R);
    this.lo = new Int32Array(this.R);
  }

  get group(): number {
    return this.R;
  }

  /** Remembers `parent`'s image fingerprints; its successors are then fingerprinted from them. */
  enter(parent: Uint32Array): void {
    this.imagesOf(parent, this.parentHi, this.parentLo);
    this.entered = parent;
  }

  /**
   * Writes the canonical fingerprint of `v` into `out`. `parent` (the state last given to
   * `enter`, unchanged since) lets it update the parent's images instead of starting over.
   */
  fingerprint(v: Uint32Array, parent: Uint32Array | null, out: Fingerprint): void {
    const { hi, lo, R } = this;
    if (parent !== null && parent === this.entered) this.updateImages(parent, v);
    else this.imagesOf(v, hi, lo);
    let best = 0;
    for (let r = 1; r < R; r++) {
      // Unsigned 64-bit comparison of (hi, lo) pairs, on the hot path: no allocation.
      const h = hi[r] >>> 0;
      const b = hi[best] >>> 0;
      if (h < b || (h === b && lo[r] >>> 0 < lo[best] >>> 0)) best = r;
    }
    const budget = v[BUDGET];
    const dups = v[DUPS];
    out.hi = (hi[best] ^ (budget === 0 ? 0 : keyHi(BUDGET_SLOT, budget)) ^ (dups === 0 ? 0 : keyHi(BUDGET_SLOT + 1, dups))) >>> 0;
    out.lo = (lo[best] ^ (budget === 0 ? 0 : keyLo(BUDGET_SLOT, budget)) ^ (dups === 0 ? 0 : keyLo(BUDGET_SLOT + 1, dups))) >>> 0 || 1;
  }

  /** Size of the orbit of the state last given to `fingerprint`: its distinct images. */
  orbit(): number {
    const { hi, lo, R } = this;
    let distinct = 0;
    for (let r = 0; r < R; r++) {
      let seen = false;
      for (let q = 0; q < r && !seen; q++) seen = hi[q] === hi[r] && lo[q] === lo[r];
      if (!seen) distinct++;
    }
    return distinct;
  }

  /** The canonical fingerprint and orbit of `v`, from scratch (tests, resumed searches). */
  canonical(v: Uint32Array): { fingerprint: Fingerprint; orbit: number } {
    const fingerprint = { hi: 0, lo: 0 };
    this.fingerprint(v, null, fingerprint);
    return { fingerprint, orbit: this.orbit() };
  }

  /** Image fingerprints of `v` under every renaming, from its elements. */
  private imagesOf(v: Uint32Array, hi: Int32Array, lo: Int32Array): void {
    const { R, tables } = this;
    hi.fill(0);
    lo.fill(0);
    if (v[FAULTS] !== 0) {
      for (let r = 0; r < R; r++) {
        hi[r] ^= tables.faultKeyHi(r, v[FAULTS]);
        lo[r] ^= tables.faultKeyLo(r, v[FAULTS]);
      }
    }
    for (let i = 0; i < this.n; i++) {
      const w = v[LOCALS + (i >>> 1)];
      this.xorLocal(hi, lo, i, i & 1 ? w >>> 16 : w & 0xffff);
    }
    for (let at = this.netOffset; at < v.length; at++) this.xorNetworkWord(hi, lo, at, 0, v[at]);
  }

  /** `hi`/`lo` := the parent's images, re-keyed where `v` differs from `parent`. */
  private updateImages(parent: Uint32Array, v: Uint32Array): void {
    const { R, hi, lo, tables } = this;
    hi.set(this.parentHi);
    lo.set(this.parentLo);
    const a0 = parent[FAULTS];
    const b0 = v[FAULTS];
    if (a0 !== b0) {
      for (let r = 0; r < R; r++) {
        hi[r] ^= tables.faultKeyHi(r, a0) ^ tables.faultKeyHi(r, b0);
        lo[r] ^= tables.faultKeyLo(r, a0) ^ tables.faultKeyLo(r, b0);
      }
    }
    for (let at = LOCALS; at < this.netOffset; at++) {
      const a = parent[at];
      const b = v[at];
      if (a === b) continue;
      const i = (at - LOCALS) * 2;
      if ((a & 0xffff) !== (b & 0xffff)) {
        this.xorLocal(hi, lo, i, a & 0xffff);
        this.xorLocal(hi, lo, i, b & 0xffff);
      }
      if (i + 1 < this.n && a >>> 16 !== b >>> 16) {
        this.xorLocal(hi, lo, i + 1, a >>> 16);
        this.xorLocal(hi, lo, i + 1, b >>> 16);
      }
    }
    // The successor may be wider than its parent (messages interned meanwhile): missing words are 0.
    const end = Math.max(parent.length, v.length);
    for (let at = this.netOffset; at < end; at++) {
      const a = at < parent.length ? parent[at] : 0;
      const b = at < v.length ? v[at] : 0;
      if (a !== b) this.xorNetworkWord(hi, lo, at, a, b);
    }
  }

  private xorLocal(hi: Int32Array, lo: Int32Array, i: number, local: number): void {
    const R = this.R;
    const row = this.tables.localRow(i, local);
    const base = local * R * 2;
    for (let r = 0; r < R; r++) {
      hi[r] ^= row[base + 2 * r];
      lo[r] ^= row[base + 2 * r + 1];
    }
  }

  /** XORs in the keys of every message whose copies differ between network words `a` and `b`. */
  private xorNetworkWord(hi: Int32Array, lo: Int32Array, at: number, a: number, b: number): void {
    const R = this.R;
    if (this.isSet) {
      let d = (a ^ b) >>> 0;
      const first = (at - this.netOffset) * 32;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d & -d);
        d &= d - 1;
        const e = first + bit;
        const row = this.tables.entryRow(e);
        const base = e * R * 2;
        for (let r = 0; r < R; r++) {
          hi[r] ^= row[base + 2 * r];
          lo[r] ^= row[base + 2 * r + 1];
        }
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
      const base = e * R * 2;
      for (let r = 0; r < R; r++) {
        const h = row[base + 2 * r];
        const l = row[base + 2 * r + 1];
        if (ca !== 0) { hi[r] ^= SymmetryTables.countHi(h, ca); lo[r] ^= SymmetryTables.countLo(l, ca); }
        if (cb !== 0) { hi[r] ^= SymmetryTables.countHi(h, cb); lo[r] ^= SymmetryTables.countLo(l, cb); }
      }
    }
  }
}
