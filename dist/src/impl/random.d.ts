export type Rng = () => number;
/** A generator of uniform numbers in [0, 1), reproducible from its seed. */
export declare function seeded(seed: number): Rng;
export declare const pick: <T>(rng: Rng, xs: readonly T[]) => T;
