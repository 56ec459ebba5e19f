import type { Ballot, NodeId, Received, SendEmitted, Value } from './types.ts';
export interface AcceptorInput {
    self: NodeId;
    /** Who hears about accepted proposals besides the proposer (learners). */
    learners: NodeId[];
    /**
     * Keep the history of votes (Voting.tla's `votes`), a ghost variable that lets
     * properties say which values were chosen once messages are consumed. Off for the
     * Paxos.tla configuration, whose state space must match TLC's.
     */
    recordVotes?: boolean;
}
export interface AcceptorContext {
    self: NodeId;
    learners: NodeId[];
    /** Highest ballot promised or accepted; -1 before any. */
    maxBal: Ballot;
    /** Ballot of the last accepted proposal; -1 before any. */
    maxVBal: Ballot;
    maxVal: Value | null;
    /** Every (ballot, value) accepted, when `recordVotes`; otherwise absent. */
    votes?: [Ballot, Value][];
}
export declare const acceptorMachine: import("xstate").StateMachine<AcceptorContext, Received<{
    type: 'prepare';
    ballot: Ballot;
}> | Received<{
    type: 'accept';
    ballot: Ballot;
    value: Value;
}>, {}, never, {
    type: "accept";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "promise";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendAccepted";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendPromise";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "ballotAbovePromise";
    params: unknown;
} | {
    type: "ballotAtLeastPromise";
    params: unknown;
}, never, "serving", string, AcceptorInput, import("xstate").NonReducibleUnknown, SendEmitted, import("xstate").MetaObject, {
    id: "paxos-acceptor";
    states: {
        readonly serving: {};
    };
}, import("xstate").MetaObject>;
