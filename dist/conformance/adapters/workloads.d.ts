/** The fixed workloads third-party libraries are recorded under. */
import { type WorkloadSpec } from '../../src/impl/balancer/workload.ts';
import { type TraceLine } from '../../src/impl/balancer/record.ts';
import type { Balancer, Policy } from '../../src/impl/balancer/types.ts';
export declare const THIRD_PARTY_SEED = 424242;
export declare const THIRD_PARTY_PICKS = 2000;
export interface WorkloadOptions {
    weights?: number[];
    /** Whether the library can add and remove backends (then: drop b2 at 1/3, add b5 at 2/3). */
    membership: boolean;
    /** Whether requests finish (false for libraries that count assignments, not in-flight). */
    completions?: boolean;
}
export declare function thirdPartySpec(o: WorkloadOptions): WorkloadSpec;
/** Records `makeBalancer()`'s decisions under the workload, as `library@version`. */
export declare function recordLibrary(library: string, version: string, variant: string, policy: Policy, o: WorkloadOptions, makeBalancer: (spec: WorkloadSpec) => Balancer): TraceLine[];
/** Adds and removes entries so that `current` matches `next`; calls back per difference. */
export declare function applyDiff(current: readonly {
    id: string;
}[], next: readonly {
    id: string;
    weight: number;
}[], remove: (id: string) => void, add: (b: {
    id: string;
    weight: number;
}) => void): void;
