/**
 * The part of an encoded state a function reads (see `Projection`): the local ids of the
 * actors with the given roles and the network words masked to the given message types.
 * States with equal projections look the same to that function, so its result can be
 * memoized by projection (`ProjectionMemo`) and need not be recomputed along a step that
 * leaves the projection unchanged (`differs`).
 */
import type { ComposedSystem } from './compose.ts';
import type { Projection } from './spec.ts';
export declare class Projector {
    private readonly system;
    private readonly actors;
    private readonly types;
    private mask;
    private maskedEntries;
    private scratch;
    constructor(system: ComposedSystem, projection: Projection);
    /** Whether `a` and `b` differ in what this projection reads. */
    differs(a: Uint32Array, b: Uint32Array): boolean;
    /**
     * The projection of `v` with `tag` in front, as words in a reused buffer (valid until the
     * next call) and its length.
     */
    project(v: Uint32Array, tag: number): {
        words: Uint32Array;
        length: number;
    };
    private readonly result;
    /** Writes the projection into the scratch buffer; returns its length. */
    private projectInto;
    /** Extends the network mask to messages interned since the last call. */
    private refresh;
}
/**
 * Values memoized by projection, keyed by the projection's 64-bit fingerprint in a typed
 * hash table: exact up to fingerprint collisions, the same bet the visited set makes.
 * Distinct values are interned, so the table holds small integers.
 */
export declare class ProjectionMemo<T> {
    readonly projector: Projector;
    private readonly table;
    private readonly values;
    private readonly valueIds;
    private readonly fp;
    constructor(projector: Projector);
    get(v: Uint32Array, tag: number): T | undefined;
    set(v: Uint32Array, tag: number, value: T): void;
}
