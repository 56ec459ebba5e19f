import type { ComposedSystem } from './compose.ts';
import type { Property, Verdict } from './spec.ts';
/** An invariant's verdict, or whether a reachability goal holds. */
export type Value = Verdict | boolean;
export declare class PropertyEvaluator {
    private readonly system;
    private readonly props;
    private readonly groups;
    constructor(system: ComposedSystem, props: readonly Property[]);
    /** 1 for each property still undecided (invariant holding so far, goal not reached yet). */
    readonly open: Uint8Array;
    /** After `evaluate`: the properties evaluated, and their values (indexed by property). */
    readonly evaluated: number[];
    readonly values: Value[];
    /**
     * Evaluates every open property whose value may differ from the parent's (all of them
     * for the initial state, `parent` = null); see `evaluated` and `values`.
     */
    evaluate(v: Uint32Array, parent: Uint32Array | null): void;
}
