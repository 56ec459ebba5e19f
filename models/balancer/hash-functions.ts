/**
 * The key hash functions coordkit's own hash policies offer, chosen by the trace header's
 * `hash` field: the default FNV-1a + fmix32 of primitives.ts, CRC-32 (IEEE 802.3: reflected
 * polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF; "123456789" -> 0xCBF43926),
 * and MD5 (RFC 1321; the first four digest bytes read big-endian). CRC-32 and MD5 hash the
 * UTF-8 bytes of the key, as other languages' libraries do, so their placements can be
 * reproduced elsewhere. Pure functions, written from the specifications.
 */
import { hash32 } from './primitives.ts';

export type HashName = 'fnv1a-fmix32' | 'crc32' | 'md5';
export const HASH_NAMES: readonly HashName[] = ['fnv1a-fmix32', 'crc32', 'md5'];

const utf8 = new TextEncoder();

/** CRC-32 lookup table for the reflected IEEE polynomial. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// MD5 per-round shift amounts and the constants K[i] = floor(2^32 · |sin(i + 1)|).
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
const M = new Uint32Array(16);

/** One reused block for the common short input (< 56 bytes: a single padded block), since
 * rings hash tens of thousands of short point names. */
const SHORT = new Uint8Array(64);

/** The 16-byte MD5 digest. */
export function md5(bytes: Uint8Array): Uint8Array {
  // Padding: 0x80, zeros to 56 mod 64, then the bit length as a 64-bit little-endian integer.
  const size = (((bytes.length + 8) >>> 6) + 1) << 6;
  const padded = size === 64 ? SHORT.fill(0) : new Uint8Array(size);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const bits = bytes.length * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bits >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bits / 2 ** 32), true);
  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  const m = M;
  for (let off = 0; off < padded.length; off += 64) {
    for (let j = 0; j < 16; j++) m[j] = view.getUint32(off + 4 * j, true);
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      const round = i >>> 4;
      let f: number;
      let g: number;
      if (round === 0) { f = (b & c) | (~b & d); g = i; }
      else if (round === 1) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
      else if (round === 2) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); g = (7 * i) & 15; }
      const s = SHIFTS[(round << 2) | (i & 3)];
      const sum = (a + f + K[i] + m[g]) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    a0 = (a0 + a) >>> 0; b0 = (b0 + b) >>> 0; c0 = (c0 + c) >>> 0; d0 = (d0 + d) >>> 0;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((x, i) => ov.setUint32(4 * i, x, true));
  return out;
}

/** A 32-bit key hash by name. */
export function keyHash(name: HashName = 'fnv1a-fmix32'): (key: string) => number {
  switch (name) {
    case 'fnv1a-fmix32': return hash32;
    case 'crc32': return (key) => crc32(utf8.encode(key));
    case 'md5': return (key) => {
      const d = md5(utf8.encode(key));
      return ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
    };
  }
}
