/**
 * Paxos correctness properties over explorer states. "Chosen" follows Paxos.tla: a value
 * is chosen when every acceptor of some quorum accepted it in one ballot — read from the
 * `accepted` messages (message set) or from acceptors' vote histories (message passing).
 */
import type { Property, StateView } from '../../src/explore/spec.ts';
import type { NodeId, Value } from './types.ts';
export declare function chosenValues(view: StateView, quorums: NodeId[][]): Set<Value>;
export interface PaxosPropertyConfig {
    quorums: NodeId[][];
    /** The values proposers may propose. */
    values: Value[];
    /**
     * True when sent messages are never removed (Paxos.tla's set): then "was proposed" can be
     * read off the accept messages. Otherwise only membership in `values` is checkable.
     */
    messagesPersist: boolean;
}
export declare function paxosProperties({ quorums, values, messagesPersist }: PaxosPropertyConfig): Property[];
