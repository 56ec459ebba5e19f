import { type Ballot, type DecideEmitted, type NodeId, type Received, type Value } from './types.ts';
export interface LearnerInput {
    self: NodeId;
    quorums: NodeId[][];
}
export interface LearnerContext extends LearnerInput {
    /** Acceptors heard per "ballot|value" proposal. */
    accepted: Record<string, NodeId[]>;
    decided: Value | null;
}
type LearnerEvent = Received<{
    type: 'accepted';
    ballot: Ballot;
    value: Value;
}>;
export declare const learnerMachine: import("xstate").StateMachine<LearnerContext, LearnerEvent, {}, never, {
    type: "announce";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "decide";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordAcceptance";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "newAcceptance";
    params: unknown;
} | {
    type: "quorumAccepted";
    params: unknown;
}, never, "decided" | "learning", string, LearnerInput, import("xstate").NonReducibleUnknown, DecideEmitted, import("xstate").MetaObject, {
    id: "paxos-learner";
    states: {
        readonly learning: {};
        readonly decided: {};
    };
}, import("xstate").MetaObject>;
export {};
