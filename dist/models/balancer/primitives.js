/**
 * Pure numeric primitives shared by the balancer models and implementations, so that a
 * model and an implementation given the same seed and keys make the same decisions.
 */
/** 32-bit FNV-1a of a string's UTF-16 code units, finished with murmur3's fmix32 so that
 * similar strings ("b1#0", "b1#1") land far apart on a ring. */
export function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
/** One step of mulberry32: the PRNG state is a plain uint32, so it can live in a
 * machine's context and be explored like any other variable. */
export function nextRandom(state) {
    const s = (state + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u32 = (t ^ (t >>> 14)) >>> 0;
    return { value: u32 / 4294967296, state: s };
}
/** A uniform index in [0, n) and the next PRNG state. */
export function randomIndex(state, n) {
    const r = nextRandom(state);
    return { index: Math.floor(r.value * n), state: r.state };
}
/** Index of the weighted choice that `u` in [0, 1) lands on. */
export function weightedIndex(weights, u) {
    const total = weights.reduce((a, w) => a + w, 0);
    let target = u * total;
    for (let i = 0; i < weights.length; i++) {
        target -= weights[i];
        if (target < 0)
            return i;
    }
    return weights.length - 1;
}
/** Virtual nodes per unit of weight on a consistent-hash ring. */
export const VNODES_PER_WEIGHT = 64;
/** The ring: each backend's virtual nodes at hash32("id#i"), sorted. A backend's points
 * depend only on its own id and weight, so adding or removing one leaves the others'. */
export function buildRing(backends) {
    const ring = [];
    for (const b of backends) {
        const vnodes = Math.max(1, Math.round(VNODES_PER_WEIGHT * b.weight));
        for (let i = 0; i < vnodes; i++)
            ring.push({ point: hash32(`${b.id}#${i}`), backend: b.id });
    }
    // Ties (vanishingly rare) are broken by id so the ring does not depend on input order.
    return ring.sort((a, b) => a.point - b.point || (a.backend < b.backend ? -1 : a.backend > b.backend ? 1 : 0));
}
/** The backend owning `key`: the first ring point clockwise from hash32(key). */
export function ringLookup(ring, key) {
    const h = hash32(key);
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ring[mid].point < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return ring[lo === ring.length ? 0 : lo].backend;
}
