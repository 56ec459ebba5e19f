/** Bounded bookkeeping shared by the balancer checkers: the current membership. */
import type { Verdict } from '../types.ts';
export interface Member {
    id: string;
    weight: number;
}
/** The current backend set, updated by membership events. */
export declare class Membership {
    members: Map<string, number>;
    /** Number of membership changes seen so far: the index of the current stable segment. */
    epoch: number;
    constructor(backends: readonly Member[]);
    /** Applies a change; returns the backends that left and joined. */
    change(backends: readonly Member[]): {
        removed: string[];
        added: string[];
    };
    has(id: string): boolean;
    get size(): number;
}
export declare const round: (x: number, digits?: number) => number;
/** A checker that only judges some policies says so instead of passing vacuously. */
export declare function skipped(property: string, note: string): Verdict;
