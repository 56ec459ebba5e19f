function fmix(k) {
    k ^= k >>> 16;
    k = Math.imul(k, 0x85ebca6b);
    k ^= k >>> 13;
    k = Math.imul(k, 0xc2b2ae35);
    return k ^ (k >>> 16);
}
/** Half of the hash of `word` at `position`; 0 for a zero word. */
function wordHi(position, word) {
    return word === 0 ? 0 : fmix(Math.imul(word, 0xcc9e2d51) ^ Math.imul(position + 1, 0x9e3779b9));
}
function wordLo(position, word) {
    return word === 0 ? 0 : fmix(Math.imul(word ^ 0x5bd1e995, 0x1b873593) + Math.imul(position + 1, 0x7feb352d));
}
/** Writes the fingerprint of `words[from, from+len)` into `out`. */
export function fingerprint(words, from, len, out) {
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < len; i++) {
        const w = words[from + i];
        if (w === 0)
            continue;
        hi ^= wordHi(i, w);
        lo ^= wordLo(i, w);
    }
    out.hi = hi >>> 0;
    out.lo = lo >>> 0 || 1;
}
/**
 * Turns `out`, the fingerprint of `before`, into the fingerprint of `after` by re-hashing
 * only the words that differ. `out` must hold the raw fingerprint (`rawFingerprint`).
 */
export function updateFingerprint(before, after, raw, out) {
    updateFingerprintAt(before, after, 0, after.length, raw, out);
}
/** `updateFingerprint` with `after` read from `buffer[offset, offset+width)`. */
export function updateFingerprintAt(before, buffer, offset, width, raw, out) {
    let hi = raw.hi;
    let lo = raw.lo;
    const n = Math.max(before.length, width);
    for (let i = 0; i < n; i++) {
        const a = i < before.length ? before[i] : 0;
        const b = i < width ? buffer[offset + i] : 0;
        if (a === b)
            continue;
        hi ^= wordHi(i, a) ^ wordHi(i, b);
        lo ^= wordLo(i, a) ^ wordLo(i, b);
    }
    out.hi = hi >>> 0;
    out.lo = lo >>> 0 || 1;
}
/** The fingerprint before the lo = 0 adjustment, as `updateFingerprint` needs it. */
export function rawFingerprint(words, out) {
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w === 0)
            continue;
        hi ^= wordHi(i, w);
        lo ^= wordLo(i, w);
    }
    out.hi = hi;
    out.lo = lo;
}
