/**
 * The executable Paxos roles: deterministic event handlers, no XState, no I/O. The same
 * objects run in-process under the driver and inside real node processes (src/run).
 *
 * Inputs mirror the model's events: a received message, or an environment event such as
 * a proposer's `start` (a timeout or a client request). Outputs mirror what the models
 * emit: messages to send and decisions.
 */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';
export type { PaxosMessage };
export type NodeId = string;
export type Value = string;
export type Input = {
    kind: 'receive';
    from: NodeId;
    msg: PaxosMessage;
} | {
    kind: 'event';
    event: {
        type: string;
    };
};
export type Output = {
    type: 'send';
    to: NodeId[];
    msg: PaxosMessage;
} | {
    type: 'decide';
    value: Value;
};
/** The abstract state each role exposes; the driver compares it with the model's. */
export interface AcceptorView {
    maxBal: number;
    maxVBal: number;
    maxVal: Value | null;
}
export interface ProposerView {
    phase: 'idle' | 'preparing' | 'accepting';
    ballot: number | null;
    /** Acceptors whose promise for the current ballot was counted, sorted. */
    promised: NodeId[];
    proposed: Value | null;
}
export interface LearnerView {
    /** "ballot|value" -> acceptors heard, sorted. */
    accepted: Record<string, NodeId[]>;
    decided: Value | null;
}
export type View = AcceptorView | ProposerView | LearnerView;
/** One node of a protocol as a deterministic handler. */
export interface HandlerNode<I = Input, O = Output, V = unknown> {
    readonly id: NodeId;
    readonly role: string;
    handle(input: I): O[];
    /** Abstract state comparable to the model's, or undefined if the node cannot show it. */
    observe(): V | undefined;
    /** Everything the node must keep across a crash (stable storage), as JSON. */
    save(): unknown;
    load(saved: unknown): void;
}
export type PaxosNode = HandlerNode<Input, Output, View>;
/** Machine inputs, as the model's actors are configured (models/paxos/*.ts). */
export interface ProposerConfig {
    self: NodeId;
    ballots: number[];
    acceptors: NodeId[];
    quorums: NodeId[][];
    value: Value;
}
export interface AcceptorConfig {
    self: NodeId;
    learners: NodeId[];
}
export interface LearnerConfig {
    self: NodeId;
    quorums: NodeId[][];
}
export type PaxosNodeSpec = {
    id: NodeId;
    role: 'proposer';
    input: ProposerConfig;
} | {
    id: NodeId;
    role: 'acceptor';
    input: AcceptorConfig;
} | {
    id: NodeId;
    role: 'learner';
    input: LearnerConfig;
};
export declare const send: (to: NodeId[], msg: PaxosMessage) => Output;
export declare function isQuorum(members: Iterable<NodeId>, quorums: NodeId[][]): boolean;
