/** Shared vocabulary of the Paxos models (single-decree Paxos, "Paxos Made Simple"). */
import type { PaxosMessage } from '../../conformance/schema/trace.ts';
export type { PaxosMessage };
export type Value = string;
export type Ballot = number;
export type NodeId = string;
/** A promise as a proposer sees it: what the acceptor had accepted before, if anything. */
export interface Promise {
    acceptedBallot: Ballot | null;
    acceptedValue: Value | null;
}
/** A message received by a machine becomes an event of the same type, tagged with its sender. */
export type Received<M extends PaxosMessage = PaxosMessage> = M & {
    from: NodeId;
};
/** What machines emit to have a message sent; the explorer and the drivers route it. */
export interface SendEmitted {
    type: 'send';
    to: NodeId[];
    msg: PaxosMessage;
}
export interface DecideEmitted {
    type: 'decide';
    value: Value;
}
export declare function isQuorum(members: Iterable<NodeId>, quorums: NodeId[][]): boolean;
/** All majorities of `acceptors`, smallest first (for 3 acceptors: the three pairs). */
export declare function majorityQuorums(acceptors: NodeId[]): NodeId[][];
/**
 * The value a proposer must propose given a quorum's promises (Paxos Made Simple, P2c):
 * the value of the highest-numbered accepted proposal among them, or null when none
 * had accepted anything, leaving the proposer free to choose.
 */
export declare function constrainedValue(promises: Iterable<Promise>): Value | null;
