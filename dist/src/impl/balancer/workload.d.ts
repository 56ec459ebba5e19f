import type { Backend } from './types.ts';
export type Step = {
    op: 'pick';
    request: string;
    key: string;
} | {
    op: 'done';
    request: string;
} | {
    op: 'membership';
    backends: Backend[];
};
export interface MembershipChange {
    /** The change happens just before this (0-based) pick. */
    atPick: number;
    backends: Backend[];
}
export interface WorkloadSpec {
    backends: Backend[];
    picks: number;
    /** Size of the key space (keys are "k0".."k{keys-1}"). */
    keys: number;
    /** At most this many requests in flight; completions are drawn at random below it. */
    maxInflight: number;
    changes: MembershipChange[];
    seed: number;
    /** False: requests never finish (for balancers that count assignments, not in-flight). */
    completions?: boolean;
}
export declare function workloadSteps(spec: WorkloadSpec): Generator<Step>;
/** Backends b1..bn with the given weights (default 1). */
export declare function backendsOf(n: number, weights?: readonly number[]): Backend[];
/** The standard churn: drop one backend a third of the way in, add a new one at two thirds. */
export declare function standardChanges(backends: readonly Backend[], picks: number, dropIndex?: number): MembershipChange[];
