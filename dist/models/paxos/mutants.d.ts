/**
 * Deliberately broken Paxos machines: each must be caught by the explorer with a
 * counterexample (see mutants.test.ts). `machine.provide` swaps one guard or action.
 */
import { type AnyStateMachine } from 'xstate';
export interface PaxosMutant {
    name: string;
    description: string;
    role: 'proposer' | 'acceptor';
    machine: AnyStateMachine;
}
export declare const paxosMutants: PaxosMutant[];
export declare function findPaxosMutant(name: string): PaxosMutant | undefined;
