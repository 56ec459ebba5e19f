/**
 * A ZooKeeper-style server as a deterministic handler: LOOKING (votes ordered by
 * (epoch, zxid, id), re-sent every tick; a quorum on one candidate elects it), FOLLOWING (followerInfo, accept
 * a higher epoch, answer pings, give up after syncLimit silent ticks), LEADING (propose
 * max epoch + 1 to a quorum, establish on a quorum of acks, ping every tick, mark down
 * followers silent for more than syncLimit ticks, step down without a quorum). Same rules
 * as models/cluster/server.ts, written as plain code; the driver holds them to it.
 *
 * Beyond the model: client sessions (./sessions.ts). Every server records what clients
 * send; only the established leader announces sessions, closes them and expires those
 * silent for `sessionTicks` ticks (with their ephemerals). It replicates its table: new
 * sessions and ends to its followers, the whole table to a follower that just synced.
 */
import { type Sessions } from './sessions.ts';
import { type ClusterMessage, type ClusterNode, type Disk, type Epoch, type Input, type Output, type ServerConfig, type ServerId, type ServerView } from './types.ts';
/** Points where a mutant may bend the server's rules (see ./mutants.ts). */
export interface ServerRules {
    /** The epoch a new leader proposes. Correct: one above every accepted epoch it heard of. */
    nextEpoch(own: Epoch, followers: Epoch[]): Epoch;
    /** Has the leader been silent too long? Correct: more than syncLimit ticks. */
    leaderSilent(silentFor: number, syncLimit: number): boolean;
    /** Ticks of silence after which the leader marks a follower down. Correct: syncLimit. */
    markDownAfter(syncLimit: number): number;
    /** Votes needed to win an election. Correct: a majority. */
    electionQuorum(servers: number): number;
    /** Does a leader left without a quorum of followers step down? Correct: yes. */
    stepsDown: boolean;
    /** Has a session expired? Correct: silent for at least its timeout. */
    sessionExpired(silentFor: number, timeout: number): boolean;
}
export declare const correctServerRules: ServerRules;
export declare const DEFAULT_SESSION_TICKS = 10;
interface Saved {
    disk: Disk;
    sessions: Sessions;
}
export declare class ClusterServer implements ClusterNode {
    private readonly config;
    private readonly rules;
    readonly role = "server";
    readonly id: ServerId;
    private readonly peers;
    private readonly sessionTicks;
    private disk;
    private state;
    private sessions;
    /** Outputs of the input being handled. */
    private out;
    constructor(config: ServerConfig, rules?: ServerRules);
    /** What the server emits as it starts (the model's initial entry): its vote and its role. */
    boot(): Output[];
    handle(input: Input): Output[];
    private run;
    private enterLooking;
    private enterFollowing;
    private enterLeading;
    /** The conditions checked after every step (the model's eventless transitions), until none fires. */
    private settle;
    private get quorum();
    private broadcastVote;
    private onTick;
    private onMessage;
    private whileLooking;
    private whileFollowing;
    private whileLeading;
    private proposeEpoch;
    private establish;
    private get establishedLeader();
    private onSession;
    /**
     * A change to the session table is a transaction: it takes the next zxid and goes to the
     * followers. Votes order by zxid after the epoch, so a new leader has every session
     * change a quorum saw (ZooKeeper's rule), and can expire what its predecessor opened.
     */
    private replicate;
    /** A follower that just synced gets the leader's open sessions (it may have missed their creation). */
    private syncSessions;
    private expireSessions;
    observe(): ServerView;
    /** The sessions this server knows (for tests and tools; not part of the model). */
    openSessions(): Sessions;
    save(): Saved;
    /** A restart: disk and sessions come back, memory starts over in LOOKING. */
    load(saved: unknown): void;
}
export type { ClusterMessage };
