import { type Ballot, type NodeId, type Promise, type Received, type SendEmitted, type Value } from './types.ts';
export interface ProposerInput {
    self: NodeId;
    /** The ballots this proposer owns, in the order it tries them (disjoint across proposers). */
    ballots: Ballot[];
    acceptors: NodeId[];
    quorums: NodeId[][];
    /**
     * The value it proposes when free to choose (message passing), or null when the
     * environment offers the choice (Paxos.tla): such a proposer proposes only on `propose`.
     */
    value: Value | null;
}
export interface ProposerContext extends ProposerInput {
    /** Index into `ballots` of the current ballot; -1 before the first. */
    round: number;
    /** Promises received for the current ballot, by acceptor. */
    promises: Record<NodeId, Promise>;
    /** The value sent with accept for the current ballot, once sent. */
    proposed: Value | null;
}
/** Phase2a offered by the environment: a quorum's promises and a candidate value. */
export interface ProposeEvent {
    type: 'propose';
    ballot: Ballot;
    value: Value;
    quorum: NodeId[];
    promises: Record<NodeId, Promise>;
}
/** The value to send with accept once `promises` come from a quorum. */
export declare function chooseValue(promises: Record<NodeId, Promise>, ownValue: Value): Value;
export declare const proposerMachine: import("xstate").StateMachine<ProposerContext, ProposeEvent | {
    type: 'start';
} | Received<{
    type: 'promise';
    ballot: Ballot;
    acceptedBallot: Ballot | null;
    acceptedValue: Value | null;
}>, {}, never, {
    type: "chooseOffered";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "chooseOwn";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "nextBallot";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordPromise";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendAccept";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendPrepare";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "hasNextBallot";
    params: unknown;
} | {
    type: "promiseForCurrentBallot";
    params: unknown;
} | {
    type: "quorumPromised";
    params: unknown;
} | {
    type: "safeProposal";
    params: unknown;
}, never, "accepting" | "idle" | "preparing", string, ProposerInput, import("xstate").NonReducibleUnknown, SendEmitted, import("xstate").MetaObject, {
    id: "paxos-proposer";
    states: {
        readonly idle: {};
        readonly preparing: {};
        readonly accepting: {};
    };
}, import("xstate").MetaObject>;
