/**
 * Pure numeric primitives shared by the balancer models and implementations, so that a
 * model and an implementation given the same seed and keys make the same decisions.
 */
/** 32-bit FNV-1a of a string's UTF-16 code units, finished with murmur3's fmix32 so that
 * similar strings ("b1#0", "b1#1") land far apart on a ring. */
export declare function hash32(text: string): number;
/** One step of mulberry32: the PRNG state is a plain uint32, so it can live in a
 * machine's context and be explored like any other variable. */
export declare function nextRandom(state: number): {
    value: number;
    state: number;
};
/** A uniform index in [0, n) and the next PRNG state. */
export declare function randomIndex(state: number, n: number): {
    index: number;
    state: number;
};
/** Index of the weighted choice that `u` in [0, 1) lands on. */
export declare function weightedIndex(weights: readonly number[], u: number): number;
export interface RingPoint {
    point: number;
    backend: string;
}
/** Virtual nodes per unit of weight on a consistent-hash ring. */
export declare const VNODES_PER_WEIGHT = 64;
/** The ring: each backend's virtual nodes at hash32("id#i"), sorted. A backend's points
 * depend only on its own id and weight, so adding or removing one leaves the others'. */
export declare function buildRing(backends: readonly {
    id: string;
    weight: number;
}[]): RingPoint[];
/** The backend owning `key`: the first ring point clockwise from hash32(key). */
export declare function ringLookup(ring: readonly RingPoint[], key: string): string;
