/**
 * The cluster system for the explorer: N servers and an environment actor (clock, pauses,
 * fault monitor), in synchronous rounds:
 *
 *   round t:  every up server receives tick(t) once (in any order), and every message
 *             that can be delivered is delivered (in any order, with the replies it causes);
 *             faults may strike at any point;
 *   then:     the environment advances time to t + 1 (only while t < maxTicks).
 *
 * Servers talk over connections (as ZooKeeper does over TCP): a message to a crashed server
 * or across a partition is lost, in flight or when sent. Messages to a paused server wait
 * for it. Loss and duplication of other messages are explicit, budgeted faults.
 */
import type { AnyStateMachine } from 'xstate';
import type { SystemSpec } from '../../src/explore/spec.ts';
export interface ClusterFaults {
    crashes: number;
    restarts: number;
    partitions: number;
    losses: number;
    duplicates: number;
    pauses: number;
}
export declare const NO_CLUSTER_FAULTS: ClusterFaults;
export interface ClusterConfig {
    servers: number;
    syncLimit: number;
    /** Rounds of time explored: the clock stops at this tick. */
    maxTicks: number;
    faults: ClusterFaults;
    /** Each server's last zxid at start (default all 0). */
    zxids?: number[];
    /** Override the derived liveness bound (tests use it to show the bound is tight). */
    livenessBound?: number;
    /** A replacement server machine (for mutants); default: the specification's. */
    server?: AnyStateMachine;
    /** Milliseconds per tick, for the trace header only. */
    tickTime?: number;
}
/** Message copies in flight are counted in 4 bits; votes re-sent every tick pile up at a crashed server. */
export declare const MAX_TICKS_LIMIT = 12;
export declare const serverIds: (n: number) => string[];
export declare function clusterSystem(cfg: ClusterConfig): SystemSpec;
export declare function describeFaults(f: ClusterFaults): string;
