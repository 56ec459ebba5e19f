/**
 * 64-bit fingerprints of encoded states, as two independent 32-bit murmur3-style hashes.
 * Trailing zero words are ignored, so a state keeps its fingerprint when the encoding
 * widens (the network grows as new messages are interned).
 */
export interface Fingerprint {
  hi: number;
  lo: number;
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Length of `words[from, from+len)` without its trailing zeros. */
export function significantLength(words: Uint32Array, from: number, len: number): number {
  let n = len;
  while (n > 0 && words[from + n - 1] === 0) n--;
  return n;
}

/** Writes the fingerprint of `words[from, from+len)` into `out`; never returns (0, 0). */
export function fingerprint(words: Uint32Array, from: number, len: number, out: Fingerprint): void {
  const n = significantLength(words, from, len);
  let a = 0x9747b28c;
  let b = 0x2f6a3c51;
  for (let i = 0; i < n; i++) {
    const w = words[from + i];
    a = mix(a, w);
    b = mix(b, w ^ 0x5bd1e995);
  }
  out.hi = finish(a, n);
  out.lo = (finish(b, n) | 1) >>> 0;
}
