/**
 * Properties of the cluster system, as invariants over explorer states (history-dependent
 * ones read ghost variables kept by the machines and the environment monitor), plus
 * reachability checks that show the invariants are not vacuous.
 */
import type { Property } from '../../src/explore/spec.ts';
export interface ClusterPropertyConfig {
    syncLimit: number;
    /** Whether the configuration has faults: the fault-driven reachability checks need some. */
    faulty: boolean;
    /** Ticks after the last fault by which a quorum-backed leader must exist (see bound.ts). */
    livenessBound: number;
}
export declare function clusterProperties({ syncLimit, livenessBound, faulty }: ClusterPropertyConfig): Property[];
