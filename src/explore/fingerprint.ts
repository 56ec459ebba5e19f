/**
 * 64-bit fingerprints of encoded states, Zobrist style: the XOR over positions of a
 * 64-bit hash of (position, word), with zero words contributing nothing. Two properties
 * follow: a state keeps its fingerprint when the encoding widens (new trailing zero
 * words), and a successor's fingerprint is its parent's with only the changed words
 * re-hashed (`updateFingerprint`). Fingerprints never have lo = 0 (a visited set's empty
 * slot) nor hi = 0 (the shared set's slot being written): 0 becomes 1.
 */
export interface Fingerprint {
  hi: number;
  lo: number;
}

/** MurmurHash3's 32-bit finaliser: the avalanche step of every key here and in symmetry-tables.ts. */
export function fmix(k: number): number {
  k ^= k >>> 16;
  k = Math.imul(k, 0x85ebca6b);
  k ^= k >>> 13;
  k = Math.imul(k, 0xc2b2ae35);
  return k ^ (k >>> 16);
}

/** Half of the hash of `word` at `position`; 0 for a zero word. */
function wordHi(position: number, word: number): number {
  return word === 0 ? 0 : fmix(Math.imul(word, 0xcc9e2d51) ^ Math.imul(position + 1, 0x9e3779b9));
}

function wordLo(position: number, word: number): number {
  return word === 0 ? 0 : fmix(Math.imul(word ^ 0x5bd1e995, 0x1b873593) + Math.imul(position + 1, 0x7feb352d));
}

/** Writes the fingerprint of `words[from, from+len)` into `out`. */
export function fingerprint(words: Uint32Array, from: number, len: number, out: Fingerprint): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < len; i++) {
    const w = words[from + i];
    if (w === 0) continue;
    hi ^= wordHi(i, w);
    lo ^= wordLo(i, w);
  }
  out.hi = hi >>> 0 || 1;
  out.lo = lo >>> 0 || 1;
}

/**
 * The state's fingerprint as one 53-bit number, a Map key. For sets of a few thousand
 * states (spot checks), where a collision is out of reach; not for a search's visited set.
 */
export function fingerprintKey(words: Uint32Array): number {
  fingerprint(words, 0, words.length, scratch);
  return scratch.hi * 2 ** 21 + (scratch.lo >>> 11);
}

const scratch: Fingerprint = { hi: 0, lo: 0 };

/**
 * Turns `out`, the fingerprint of `before`, into the fingerprint of `after` by re-hashing
 * only the words that differ. `raw` must hold `before`'s raw fingerprint (`rawFingerprint`).
 * Returns false, leaving `out` as it was, when `after` equals `before` (a self-loop): a
 * search then skips the visited-set probe, a cache miss, since the parent was visited.
 */
export function updateFingerprint(before: Uint32Array, after: Uint32Array, raw: Fingerprint, out: Fingerprint): boolean {
  return updateFingerprintAt(before, after, 0, after.length, raw, out);
}

/** `updateFingerprint` with `after` read from `buffer[offset, offset+width)`. */
export function updateFingerprintAt(before: Uint32Array, buffer: Uint32Array, offset: number, width: number, raw: Fingerprint, out: Fingerprint): boolean {
  let hi = raw.hi;
  let lo = raw.lo;
  let changed = false;
  const n = Math.max(before.length, width);
  for (let i = 0; i < n; i++) {
    const a = i < before.length ? before[i] : 0;
    const b = i < width ? buffer[offset + i] : 0;
    if (a === b) continue;
    changed = true;
    hi ^= wordHi(i, a) ^ wordHi(i, b);
    lo ^= wordLo(i, a) ^ wordLo(i, b);
  }
  if (!changed) return false;
  out.hi = hi >>> 0 || 1;
  out.lo = lo >>> 0 || 1;
  return true;
}

/** The fingerprint before the adjustment of 0 words, as `updateFingerprint` needs it. */
export function rawFingerprint(words: Uint32Array, out: Fingerprint): void {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 0) continue;
    hi ^= wordHi(i, w);
    lo ^= wordLo(i, w);
  }
  out.hi = hi;
  out.lo = lo;
}
