import { type Epoch, type SendEmitted, type ServerId, type Tick, type TickEvent, type TraceEmitted, type Vote } from './types.ts';
export interface ServerInput {
    self: ServerId;
    servers: ServerId[];
    syncLimit: number;
    /** Last transaction id on disk at start (orders votes after the epoch). */
    zxid?: number;
}
export interface ServerContext {
    self: ServerId;
    servers: ServerId[];
    syncLimit: number;
    acceptedEpoch: Epoch;
    /** Who proposed acceptedEpoch (a follower may ack the same epoch again only to it). */
    acceptedLeader: ServerId | null;
    currentEpoch: Epoch;
    zxid: number;
    tick: Tick;
    vote: Vote | null;
    /** Looking peers' current votes (self included): the best heard from each. */
    votes: Record<ServerId, Vote>;
    leader: ServerId | null;
    /** Tick of the last ping accepted from the leader, or of joining it. */
    lastHeard: Tick;
    since: Tick;
    /** followerInfo received: follower -> its acceptedEpoch. */
    pending: Record<ServerId, Epoch>;
    /** Epoch proposed to followers (leading), else null. */
    proposed: Epoch | null;
    /** Synced followers -> tick of the last ping they answered (or of their ack). */
    followers: Record<ServerId, Tick>;
    highest: {
        accepted: Epoch;
        current: Epoch;
    };
    led: Epoch[];
    /** Epochs this server proposed as leader. */
    proposals: Epoch[];
    heard: {
        from: ServerId;
        epoch: Epoch;
    } | null;
    suspected: ServerId[];
    /** The tick at which `suspected` were marked down. */
    suspectedAt: Tick;
}
type From = {
    from: ServerId;
};
type EpochMsg<T extends string> = {
    type: T;
    epoch: Epoch;
    zxid: number;
    tick?: number;
} & From;
export type ServerEvent = TickEvent | {
    type: 'restart';
} | ({
    type: 'vote';
    epoch: Epoch;
    zxid: number;
    leader: ServerId;
    state?: 'looking' | 'following' | 'leading';
    tick?: number;
} & From) | ({
    type: 'ping';
    epoch: Epoch;
    zxid: number;
    tick?: number;
} & From) | ({
    type: 'pong';
    epoch: Epoch;
    zxid: number;
    tick?: number;
} & From) | EpochMsg<'followerInfo'> | EpochMsg<'newEpoch'> | EpochMsg<'ackEpoch'>;
/** Followers whose last answer is more than `limit` ticks old at `now`. */
export declare const silentFollowers: (c: ServerContext, now: Tick, limit: number) => ServerId[];
/** What a mark-down step may enqueue (a structural subset of XState's enqueue API). */
export interface MarkDownEnqueue {
    assign(update: Partial<ServerContext>): void;
    emit(event: TraceEmitted): void;
}
/**
 * The body of the leader's mark-down step at a tick, parameterised by the silence limit
 * so mutants can change only that: followers silent for more than the limit are dropped
 * and reported with a `suspect` event.
 */
export declare const markDownBody: (limitOf: (c: ServerContext) => number) => ({ context, enqueue }: {
    context: ServerContext;
    enqueue: MarkDownEnqueue;
}) => void;
export declare const serverMachine: import("xstate").StateMachine<ServerContext, TickEvent | {
    type: 'restart';
} | EpochMsg<"ackEpoch"> | EpochMsg<"followerInfo"> | EpochMsg<"newEpoch"> | ({
    type: 'vote';
    epoch: Epoch;
    zxid: number;
    leader: ServerId;
    state?: 'looking' | 'following' | 'leading';
    tick?: number;
} & From) | ({
    type: 'ping';
    epoch: Epoch;
    zxid: number;
    tick?: number;
} & From) | ({
    type: 'pong';
    epoch: Epoch;
    zxid: number;
    tick?: number;
} & From), {}, never, {
    type: "acceptEpoch";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "adoptVote";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "advanceClock";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "announceFollowing";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "announceLeading";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "announceLooking";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "answerVote";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "broadcastVote";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "countFollowerAsVote";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "discard";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "establish";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "followAnsweringLeader";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "followCandidate";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "hearLeader";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "joinLeader";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "markDownSilent";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "noteEpochs";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "noteProposal";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "pingFollowers";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "proposeEpoch";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordAck";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordFollowerInfo";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordPong";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordVote";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recover";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendAckEpoch";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendFollowerInfo";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendNewEpochToPending";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendNewEpochToSender";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "sendPong";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "startElection";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "startLeading";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "ackCompletesQuorum";
    params: unknown;
} | {
    type: "ackForProposal";
    params: unknown;
} | {
    type: "arrived";
    params: unknown;
} | {
    type: "betterVoteFromLookingPeer";
    params: unknown;
} | {
    type: "epochAlreadyProposed";
    params: unknown;
} | {
    type: "fromLeader";
    params: unknown;
} | {
    type: "leaderAnswered";
    params: unknown;
} | {
    type: "leaderGaveUp";
    params: unknown;
} | {
    type: "leaderSilent";
    params: unknown;
} | {
    type: "lostQuorum";
    params: unknown;
} | {
    type: "newEpochAcceptable";
    params: unknown;
} | {
    type: "notEstablishedInTime";
    params: unknown;
} | {
    type: "pendingQuorum";
    params: unknown;
} | {
    type: "pingFromLeaderInMyEpoch";
    params: unknown;
} | {
    type: "pongFromFollower";
    params: unknown;
} | {
    type: "proposalAcked";
    params: unknown;
} | {
    type: "quorumElectsMe";
    params: unknown;
} | {
    type: "quorumElectsOther";
    params: unknown;
} | {
    type: "voteFromLookingPeer";
    params: unknown;
}, never, "looking" | {
    following: "synced" | "syncing";
} | {
    leading: "established" | "proposing";
}, string, ServerInput, import("xstate").NonReducibleUnknown, SendEmitted | {
    type: 'role';
    role: 'looking' | 'following' | 'leading';
    epoch: Epoch;
    leader: ServerId | null;
    zxid: number;
} | {
    type: 'suspect';
    peer: ServerId;
    tick: Tick;
} | {
    type: 'session';
    session: string;
    action: 'create' | 'heartbeat' | 'expire' | 'close';
    ephemerals?: string[];
}, import("xstate").MetaObject, {
    id: "cluster-server";
    states: {
        readonly looking: {};
        readonly following: {
            states: {
                readonly syncing: {};
                readonly synced: {};
            };
        };
        readonly leading: {
            states: {
                readonly proposing: {};
                readonly established: {};
            };
        };
    };
}, import("xstate").MetaObject>;
export {};
