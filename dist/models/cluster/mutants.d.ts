/**
 * Deliberately broken server machines: each must be caught by the explorer with a
 * counterexample to the property named in `kills` (see mutants.test.ts). Each swaps one
 * guard or action of the specification with `machine.provide`.
 */
import { type AnyStateMachine } from 'xstate';
import { type ClusterConfig } from './system.ts';
import type { SessionConfig } from './session-system.ts';
export interface ClusterMutant {
    name: string;
    description: string;
    machine: AnyStateMachine;
    /** The property that must catch it. */
    kills: string;
    /** A small configuration in which it is caught. */
    config: Omit<ClusterConfig, 'server'>;
}
export declare const clusterMutants: ClusterMutant[];
export declare function findClusterMutant(name: string): ClusterMutant | undefined;
export interface SessionMutant {
    name: string;
    description: string;
    machine: AnyStateMachine;
    kills: string;
    config: Omit<SessionConfig, 'tracker'>;
}
export declare const sessionMutants: SessionMutant[];
