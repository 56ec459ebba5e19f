/** A specification machine as the CLI and the diagrams know it (`coordkit diagram paxos-acceptor`). */
import type { AnyStateMachine } from 'xstate';
export interface RegisteredMachine {
    /** CLI name, e.g. "paxos-acceptor". */
    name: string;
    family: 'paxos' | 'cluster' | 'balancer';
    description: string;
    machine: AnyStateMachine;
}
