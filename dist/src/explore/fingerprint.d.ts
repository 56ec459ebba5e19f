/**
 * 64-bit fingerprints of encoded states, Zobrist style: the XOR over positions of a
 * 64-bit hash of (position, word), with zero words contributing nothing. Two properties
 * follow: a state keeps its fingerprint when the encoding widens (new trailing zero
 * words), and a successor's fingerprint is its parent's with only the changed words
 * re-hashed (`updateFingerprint`). Fingerprints never have lo = 0 (the empty slot).
 */
export interface Fingerprint {
    hi: number;
    lo: number;
}
/** Writes the fingerprint of `words[from, from+len)` into `out`. */
export declare function fingerprint(words: Uint32Array, from: number, len: number, out: Fingerprint): void;
/**
 * Turns `out`, the fingerprint of `before`, into the fingerprint of `after` by re-hashing
 * only the words that differ. `out` must hold the raw fingerprint (`rawFingerprint`).
 */
export declare function updateFingerprint(before: Uint32Array, after: Uint32Array, raw: Fingerprint, out: Fingerprint): void;
/** `updateFingerprint` with `after` read from `buffer[offset, offset+width)`. */
export declare function updateFingerprintAt(before: Uint32Array, buffer: Uint32Array, offset: number, width: number, raw: Fingerprint, out: Fingerprint): void;
/** The fingerprint before the lo = 0 adjustment, as `updateFingerprint` needs it. */
export declare function rawFingerprint(words: Uint32Array, out: Fingerprint): void;
