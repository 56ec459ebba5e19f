/**
 * Paxos systems for the explorer, built from the proposer, acceptor and learner machines.
 *
 * - `paxosTlaSystem`: equivalent to Lamport's Paxos.tla. A message set that is never
 *   emptied; one proposer per ballot, whose Phase2a the environment offers for every
 *   quorum and value (the guard keeps only what Paxos.tla allows). Proposers' local
 *   states are functions of the message set, so distinct-state counts equal TLC's.
 * - `paxosMessageSystem`: message passing as deployed: proposers gather promises one by
 *   one, learners count accepted messages, the network reorders, loses and duplicates,
 *   and nodes may crash.
 */
import type { AnyStateMachine } from 'xstate';
import type { FaultSpec, SystemSpec } from '../../src/explore/spec.ts';
/** Replacement machines by role (mutants); default: the specification's. */
export type RoleMachines = Partial<Record<'proposer' | 'acceptor' | 'learner', AnyStateMachine>>;
export interface PaxosTlaConfig {
    acceptors: number;
    values: number;
    /** Ballots are 0 .. ballots-1. */
    ballots: number;
    machines?: RoleMachines;
}
export declare function paxosTlaSystem(cfg: PaxosTlaConfig): SystemSpec;
export interface PaxosMessageConfig {
    acceptors: number;
    proposers: number;
    learners: number;
    /** Ballots each proposer may try (proposer i owns i, i+P, i+2P, ...). */
    rounds: number;
    network: {
        loss: number;
        duplicate: number;
    };
    faults: FaultSpec;
    machines?: RoleMachines;
}
export declare function paxosMessageSystem(cfg: PaxosMessageConfig): SystemSpec;
