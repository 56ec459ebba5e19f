import { type TraceEvent, type TraceHeader } from '../../schema/trace.ts';
import { type EnsembleTiming } from './config.ts';
export interface RecordOptions {
    timing?: EnsembleTiming;
    /** Session timeout to ask for, ms (the server clamps it to [2, 20] ticks). */
    sessionTimeout?: number;
    /** Progress lines go here (default: nowhere). */
    log?: (line: string) => void;
    /** Keep the ensemble's temp dir (configs, logs) for inspection. */
    keepDir?: boolean;
}
export type ClusterHeader = Extract<TraceHeader, {
    protocol: 'cluster';
}>;
export interface Recording {
    header: ClusterHeader;
    events: TraceEvent[];
    /** What the recorder measured directly, in ms (ts of the trace events). */
    measured: {
        /** kill -9 of the leader -> a new leader with a follower in a higher epoch. */
        failoverMs: number;
        rejoinAfterRestartMs: number;
        leaderGaveUpPausedFollowerMs: number | null;
        pausedFollowerBackMs: number;
        sessionExpiryAfterLastHeartbeatMs: number;
        negotiatedSessionTimeoutMs: number;
    };
    dir: string;
}
export declare const ZOOKEEPER_PACKAGE_VERSION: () => string;
/** Runs the whole scenario against a fresh ensemble and returns its trace. */
export declare function recordZooKeeper(opts?: RecordOptions): Promise<Recording>;
