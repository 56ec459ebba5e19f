/**
 * Session expiry timing: a session expires exactly when sessionTimeout ms have passed
 * without a heartbeat (create counts as one). Too early (before timeout - tickTime) and too
 * late (still open past timeout + tickTime + a quarter tick) are both violations. The late
 * side gets the extra quarter tick because a real server checks expiry once per tick and
 * then commits the close through its quorum, which takes a few milliseconds more.
 * Assumptions: only a live leader expires sessions, so no deadline runs while there is
 * none, and a newly elected leader gives every open session a fresh timeout (as
 * ZooKeeper's new leader does). State: one entry per open session.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type ClusterHeader } from './view.ts';
export declare class SessionExpiryChecker implements Checker {
    readonly name = "cluster.session-expiry";
    private readonly window;
    private readonly log;
    private readonly view;
    private timeout;
    /** Allowed earliness, ms: one tick. */
    private tolerance;
    /** Allowed lateness, ms: one tick plus the time to commit the close. */
    private lateTolerance;
    /** Open session -> ms of its last heartbeat. */
    private readonly lastHeard;
    /** Earliest "too late" deadline among open sessions; may be stale low, never high. */
    private nextDeadline;
    private expiries;
    constructor(h: ClusterHeader);
    event(e: TraceEvent, line: number): void;
    private judgeExpiry;
    private findLate;
    private refreshAll;
    end(): Verdict[];
}
