/** What a simulated Paxos node can do: react to a message, and (proposers) start a round. */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';
export type Value = string;
export type Effect = {
    send: {
        to: string[];
        msg: PaxosMessage;
    };
} | {
    decide: Value;
};
export interface PaxosNode {
    readonly id: string;
    receive(from: string, msg: PaxosMessage, now: number): Effect[];
}
export interface ProposerNode extends PaxosNode {
    readonly value: Value;
    /** Start a new round (first attempt or retry after a timeout). */
    start(now: number): Effect[];
}
export interface Cluster {
    proposers: ProposerNode[];
    acceptors: PaxosNode[];
    learners: PaxosNode[];
}
export declare const send: (to: string[], msg: PaxosMessage) => Effect;
/** A correct learner: decides once a quorum of acceptors accepted one (ballot, value). */
export declare class Learner implements PaxosNode {
    readonly id: string;
    private readonly quorumSize;
    private readonly hasty;
    private readonly heard;
    private decided;
    /** `hasty` learners decide on the first accepted message (a mutation for testing checkers). */
    constructor(id: string, quorumSize: number, hasty?: boolean);
    receive(from: string, msg: PaxosMessage): Effect[];
}
