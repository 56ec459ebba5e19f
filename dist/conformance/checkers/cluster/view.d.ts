/**
 * What the cluster checkers reconstruct from a trace: who is down, who leads, who can
 * reach whom, and what time it is. Bounded by the number of servers.
 *
 * Clock assumptions (documented here because every cluster property depends on them):
 * - Ticks are a shared clock: a node's tick event carries its tick counter, and the
 *   cluster's "now in ticks" is the largest tick any node reported. In-process runs tick
 *   every node together; real runs keep counters within a tick of each other.
 * - Milliseconds come from `ts` when the trace has it, else ticks x tickTime.
 * - Without any tick events, ticks are derived from ts / tickTime.
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
export type ClusterHeader = Extract<TraceHeader, {
    protocol: 'cluster';
}>;
export type Role = 'looking' | 'following' | 'leading' | 'down';
export declare class ClusterView {
    readonly tickTime: number;
    readonly servers: ReadonlySet<string>;
    /** Crashed or paused nodes. */
    private readonly down;
    private readonly roles;
    /** Partition group per node while partitioned; null when the network is whole. */
    private groups;
    private maxTick;
    private maxTs;
    leader: {
        node: string;
        epoch: number;
    } | null;
    constructor(h: ClusterHeader);
    /** Apply one event; call before judging it. */
    update(e: TraceEvent): void;
    isDown(node: string): boolean;
    roleOf(node: string): {
        role: Role;
        epoch: number;
    } | undefined;
    /** Can a and b exchange messages? Nodes left out of every partition group are isolated. */
    connected(a: string, b: string): boolean;
    /** Is follower f alive, following the current leader's epoch, and reachable from it? */
    liveFollower(f: string): boolean;
    hasClock(): boolean;
    nowTicks(): number;
    nowMs(): number;
}
