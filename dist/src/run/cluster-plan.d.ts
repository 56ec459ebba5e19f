import type { SessionPlan } from '../impl/cluster/client.ts';
import type { RunPlan } from './runner.ts';
export interface ClusterRunOptions {
    durationMs: number;
    /** Milliseconds per tick (default 100). */
    tickMs?: number;
    /** Ticks of silence before a peer is given up (default 2). */
    syncLimit?: number;
    /** Session timeout in ticks (default 10). */
    sessionTicks?: number;
}
/** The client's sessions over `ticks` ticks: one long-lived, then short ones that close or die in turn. */
export declare function clientSessions(ticks: number, sessionTicks: number): SessionPlan[];
export declare function clusterRunPlan(serverCount: number, opts: ClusterRunOptions): RunPlan;
