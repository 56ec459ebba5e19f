/**
 * The bit layout of an encoded global state (see compose.ts): which word holds what.
 *
 *   word FAULTS   crashed actors (bits 0..15) | partition side B (bits 16..31, 0 = connected)
 *   word BUDGET   fault budget used: crashes | restarts << 8 | partitions << 16 | loss << 24
 *   word DUPS     duplications used
 *   words LOCALS.. local state ids, 16 bits per actor
 *   then          the network, from `netOffset`: a bit per message (set) or a 4-bit count
 *                 per message (multiset)
 *
 * One file owns the layout, so no other file shifts state bits: everything that reads or
 * writes a state vector goes through `StateLayout` (or, on the tuned hot paths of
 * symmetry.ts, through these word constants). The methods are small enough for V8 to
 * inline into the successor loop.
 */
import type { FaultsUsed } from './spec.ts';

export const FAULTS = 0;
export const BUDGET = 1;
export const DUPS = 2;
export const LOCALS = 3;
export const MAX_ACTORS = 16;
export const MAX_LOCALS = 0xffff;
/** Most copies of one message a multiset network holds (a 4-bit count). */
export const MAX_COPIES = 15;

export type Fault = keyof FaultsUsed;

/**
 * A state's identity as a string, whatever its width: trailing zero words do not count,
 * since the encoding widens as messages are interned (fingerprints ignore them too).
 */
export function stateKey(v: Uint32Array): string {
  let end = v.length;
  while (end > 0 && v[end - 1] === 0) end--;
  return v.subarray(0, end).join(',');
}

export class StateLayout {
  /** Index of the first network word. */
  readonly netOffset: number;
  /** Messages per network word: 32 presence bits (set) or 8 counts of 4 bits (multiset). */
  readonly perWord: number;

  constructor(readonly actors: number, readonly isSet: boolean) {
    if (actors > MAX_ACTORS) throw new Error(`at most ${MAX_ACTORS} actors are supported, got ${actors}`);
    this.perWord = isSet ? 32 : 8;
    this.netOffset = LOCALS + Math.ceil(actors / 2);
  }

  /** Words of a state whose network holds `entries` interned messages. */
  width(entries: number): number {
    return this.netOffset + Math.ceil(entries / this.perWord);
  }

  // ------------------------------------------------------------------ actors

  local(v: Uint32Array, i: number): number {
    const w = v[LOCALS + (i >>> 1)];
    return i & 1 ? w >>> 16 : w & 0xffff;
  }

  setLocal(v: Uint32Array, i: number, id: number): void {
    const at = LOCALS + (i >>> 1);
    v[at] = i & 1 ? (v[at] & 0xffff) | (id << 16) : (v[at] & 0xffff0000) | id;
  }

  crashed(v: Uint32Array, i: number): boolean {
    return ((v[FAULTS] >>> i) & 1) === 1;
  }

  /** Bit i set: actor i is crashed. */
  crashedMask(v: Uint32Array): number {
    return v[FAULTS] & 0xffff;
  }

  setCrashed(v: Uint32Array, i: number, crashed: boolean): void {
    if (crashed) v[FAULTS] |= 1 << i;
    else v[FAULTS] &= ~(1 << i);
  }

  // ------------------------------------------------------------------ partitions

  /** Bit i set: actor i is on side B of the partition; 0 when the network is connected. */
  side(v: Uint32Array): number {
    return v[FAULTS] >>> 16;
  }

  setSide(v: Uint32Array, mask: number): void {
    v[FAULTS] = (v[FAULTS] & 0xffff) | (mask << 16);
  }

  /** Whether no partition separates actors `a` and `b`. */
  connected(v: Uint32Array, a: number, b: number): boolean {
    const side = v[FAULTS] >>> 16;
    return ((side >>> a) & 1) === ((side >>> b) & 1);
  }

  // ------------------------------------------------------------------ fault budget

  /** How many faults of a kind `v` has used (no allocation: the successor loop asks). */
  used(v: Uint32Array, fault: Fault): number {
    return fault === 'duplicates' ? v[DUPS] : (v[BUDGET] >>> budgetShift(fault)) & 0xff;
  }

  faultsUsed(v: Uint32Array): FaultsUsed {
    const b = v[BUDGET];
    return { crashes: b & 0xff, restarts: (b >>> 8) & 0xff, partitions: (b >>> 16) & 0xff, losses: b >>> 24, duplicates: v[DUPS] };
  }

  /** Counts one more fault of a kind against the budget. */
  spend(v: Uint32Array, fault: Fault): void {
    if (fault === 'duplicates') v[DUPS] += 1;
    else v[BUDGET] += 1 << budgetShift(fault);
  }

  // ------------------------------------------------------------------ network

  /** Copies of entry `e` in state `v` (0 or 1 for a set network). */
  copies(v: Uint32Array, e: number): number {
    const at = this.netOffset + Math.floor(e / this.perWord);
    if (at >= v.length) return 0;
    if (this.isSet) return (v[at] >>> (e & 31)) & 1;
    return (v[at] >>> ((e & 7) * 4)) & 0xf;
  }

  /** Adds a copy of entry `e`; false (and `v` unchanged) when a multiset already holds MAX_COPIES. */
  addCopy(v: Uint32Array, e: number): boolean {
    const at = this.netOffset + Math.floor(e / this.perWord);
    if (this.isSet) {
      v[at] |= 1 << (e & 31);
      return true;
    }
    const shift = (e & 7) * 4;
    if (((v[at] >>> shift) & 0xf) === MAX_COPIES) return false;
    v[at] += 1 << shift;
    return true;
  }

  /** Removes one copy of entry `e` (multiset; the entry must be present). */
  removeCopy(v: Uint32Array, e: number): void {
    const at = this.netOffset + Math.floor(e / this.perWord);
    v[at] -= 1 << ((e & 7) * 4);
  }

  /** Removes every copy of entry `e`. */
  clear(v: Uint32Array, e: number): void {
    const at = this.netOffset + Math.floor(e / this.perWord);
    v[at] &= this.isSet ? ~(1 << (e & 31)) : ~(0xf << ((e & 7) * 4));
  }

  /** Sets in `mask` (network words only, word 0 = the first network word) every bit that encodes entry `e`. */
  markEntry(mask: Uint32Array, e: number): void {
    const w = Math.floor(e / this.perWord);
    mask[w] |= this.isSet ? 1 << (e & 31) : 0xf << ((e & 7) * 4);
  }

  /** The network word of `v` at network index `w` (0 past the end: the encoding widens lazily). */
  networkWord(v: Uint32Array, w: number): number {
    const at = this.netOffset + w;
    return at < v.length ? v[at] : 0;
  }

  /** Calls `f` for each entry present in `v`. */
  forEachPresent(v: Uint32Array, f: (e: number) => void): void {
    for (let at = this.netOffset; at < v.length; at++) {
      let w = v[at];
      if (w === 0) continue;
      const base = (at - this.netOffset) * this.perWord;
      if (this.isSet) {
        while (w !== 0) {
          const bit = 31 - Math.clz32(w & -w);
          f(base + bit);
          w &= w - 1;
        }
      } else {
        for (let k = 0; k < 8; k++) if ((w >>> (k * 4)) & 0xf) f(base + k);
      }
    }
  }
}

/** Where a fault kind's 8-bit count sits in word BUDGET (a switch: constant-folded when inlined). */
function budgetShift(fault: Exclude<Fault, 'duplicates'>): number {
  switch (fault) {
    case 'crashes': return 0;
    case 'restarts': return 8;
    case 'partitions': return 16;
    case 'losses': return 24;
  }
}
