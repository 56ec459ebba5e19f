/**
 * The executable cluster roles (ZooKeeper-style servers, their clients, and the test
 * clock): deterministic handlers, no XState, no I/O. The same objects run in-process under
 * the driver and inside real node processes (src/run).
 *
 * Inputs mirror the model's events (models/cluster): a received message, a `tick` carrying
 * the global time, or an environment event. Outputs mirror what the model emits: messages
 * to send and trace events (role changes, suspicions, session changes).
 */
import type { ClusterMessage, TraceEvent } from '../../../conformance/schema/trace.ts';
import type { HandlerNode } from '../paxos/types.ts';
export type { ClusterMessage };
export type ServerId = string;
export type Tick = number;
export type Epoch = number;
/** What a client tells the servers about its session (never part of the model). */
export type SessionMessage = Extract<ClusterMessage, {
    type: 'session';
}>;
/** Messages between servers: the model's vocabulary. */
export type ServerMessage = Exclude<ClusterMessage, SessionMessage>;
export type Input = {
    kind: 'receive';
    from: ServerId;
    msg: ClusterMessage;
} | {
    kind: 'event';
    event: {
        type: string;
    } & Record<string, unknown>;
};
type EventPayload<K extends TraceEvent['kind']> = Omit<Extract<TraceEvent, {
    kind: K;
}>, 'seq' | 'ts' | 'node' | 'kind'>;
export type Output = {
    type: 'send';
    to: ServerId[];
    msg: ClusterMessage;
} | ({
    type: 'role';
} & Required<Pick<EventPayload<'role'>, 'epoch' | 'zxid'>> & {
    role: 'looking' | 'following' | 'leading';
    leader: ServerId | null;
}) | {
    type: 'suspect';
    peer: ServerId;
    tick: Tick;
} | ({
    type: 'session';
} & EventPayload<'session'>);
/** A vote in leader election, ordered by (epoch, zxid, server id). */
export interface Vote {
    leader: ServerId;
    epoch: Epoch;
    zxid: number;
}
export declare function betterVote(a: Vote, b: Vote): boolean;
export declare const quorumSize: (servers: number) => number;
/** What survives a crash: the epochs, the last zxid, the clock, and the replicated sessions. */
export interface Disk {
    acceptedEpoch: Epoch;
    /** Who proposed acceptedEpoch: the same epoch may be accepted again only from it. */
    acceptedLeader: ServerId | null;
    currentEpoch: Epoch;
    zxid: number;
    tick: Tick;
}
/**
 * A server's abstract state, comparable with the model's: the role, its phase, what is on
 * disk, and only the fields that mean something in that role.
 */
export type ServerView = Disk & ({
    role: 'looking';
    phase: null;
    vote: Vote;
    votes: Record<ServerId, Vote>;
    pending: Record<ServerId, Epoch>;
} | {
    role: 'following';
    phase: 'syncing' | 'synced';
    leader: ServerId;
    lastHeard: Tick;
} | {
    role: 'leading';
    phase: 'proposing' | 'established';
    since: Tick;
    pending: Record<ServerId, Epoch>;
    proposed: Epoch | null;
    followers: Record<ServerId, Tick>;
});
/** The test clock's abstract state (the model's environment actor). */
export interface ClockView {
    now: Tick;
    paused: ServerId[];
}
export interface ServerConfig {
    self: ServerId;
    servers: ServerId[];
    syncLimit: number;
    /** Last zxid on disk at first start. */
    zxid?: number;
    /** Ticks without a heartbeat after which the leader expires a session; default 10. */
    sessionTicks?: number;
}
export type ClusterNode = HandlerNode<Input, Output, unknown>;
export declare const send: (to: ServerId[], msg: ClusterMessage) => Output;
