/**
 * What a search needs of a canonical form under symmetry (symmetry.ts: the images under
 * every renaming; symmetry-sorted.ts: only those that sort a group of actors), and the
 * part both share: the renaming-invariant words keyed into the canonical fingerprint.
 */
import type { Fingerprint } from './fingerprint.ts';
import { keyHi, keyLo, type SymmetryTables } from './symmetry-tables.ts';
import { BUDGET, DUPS } from './state-layout.ts';

export type CanonicalFormKind = 'renamings' | 'sorted';

export interface CanonicalForm {
  /** Size of the symmetry group. */
  readonly group: number;
  /** Every renaming's image of each local state and message (filled as they are met). */
  readonly tables: SymmetryTables;
  /** The state about to be expanded, stored at `index`: its successors are fingerprinted next. */
  enter(parent: Uint32Array, index?: number): void;
  /**
   * Writes the canonical fingerprint of `v` into `out`; `parent` is the state last given to
   * `enter` or null. False, `out` untouched, when `v` equals `parent` (a self-loop).
   */
  fingerprint(v: Uint32Array, parent: Uint32Array | null, out: Fingerprint): boolean;
  /** The state last fingerprinted was new and is stored at `index`. */
  keep(index: number): void;
  /** Bytes it keeps for states found and not yet expanded (the queue's share). */
  readonly keptBytes: number;
  /** Size of the orbit of the state last fingerprinted. */
  orbit(): number;
  /** The canonical fingerprint and orbit of `v`, from scratch. */
  canonical(v: Uint32Array): { fingerprint: Fingerprint; orbit: number };
}

/** The top bit of a word, as an int32. */
const SIGN = 0x80000000 | 0;

/** Index of the least of the first `count` image fingerprints (hi, lo pairs), unsigned 64-bit order; hot path, no allocation. */
export function leastImage(images: Int32Array, count: number): number {
  // Unsigned order as signed order of the words with their top bit flipped: int32
  // arithmetic throughout, where `>>> 0` would make doubles of half the words.
  let best = 0;
  let bestHi = images[0] ^ SIGN;
  let bestLo = images[1] ^ SIGN;
  for (let c = 1; c < count; c++) {
    const h = images[2 * c] ^ SIGN;
    if (h > bestHi) continue;
    const l = images[2 * c + 1] ^ SIGN;
    if (h < bestHi || l < bestLo) {
      best = c;
      bestHi = h;
      bestLo = l;
    }
  }
  return best;
}

/** How many of the first `count` image fingerprints differ from one another. */
export function distinctImages(images: Int32Array, count: number): number {
  let distinct = 0;
  for (let c = 0; c < count; c++) {
    let seen = false;
    for (let q = 0; q < c && !seen; q++) seen = images[2 * q] === images[2 * c] && images[2 * q + 1] === images[2 * c + 1];
    if (!seen) distinct++;
  }
  return distinct;
}

/** Slots of the two renaming-invariant words (fault budget, duplications). */
const BUDGET_SLOT = 0x30000;

/** `out` := the least image fingerprint (hi, lo) with `v`'s fault budget and duplications keyed in. */
export function budgetKeys(v: Uint32Array, hi: number, lo: number, out: Fingerprint): void {
  const budget = v[BUDGET];
  const dups = v[DUPS];
  out.hi = (hi ^ (budget === 0 ? 0 : keyHi(BUDGET_SLOT, budget)) ^ (dups === 0 ? 0 : keyHi(BUDGET_SLOT + 1, dups))) >>> 0 || 1;
  out.lo = (lo ^ (budget === 0 ? 0 : keyLo(BUDGET_SLOT, budget)) ^ (dups === 0 ? 0 : keyLo(BUDGET_SLOT + 1, dups))) >>> 0 || 1;
}
