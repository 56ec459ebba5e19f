/**
 * The leader's failure detector against the header's syncLimit (ZooKeeper: a follower not
 * heard from for syncLimit ticks is dropped).
 * - completeness: a follower that crashes, pauses or is cut off from the leader is
 *   suspected by that leader (a 'suspect' event) within syncLimit + 1 ticks of the fault
 *   (one tick of slack for where in its tick the fault fell);
 * - accuracy: the leader never suspects a follower that has been alive, following and
 *   reachable for two ticks or more (again one tick of slack after a recovery).
 * Obligations end when the follower recovers first or the leader loses its role.
 * Suspect events from non-leaders are not judged. State: bounded by the number of servers.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type ClusterHeader } from './view.ts';
export declare class FailureDetectionChecker implements Checker {
    readonly name = "cluster.failure-detection";
    private readonly window;
    private readonly completeness;
    private readonly accuracy;
    private readonly view;
    private syncLimit;
    /** Follower -> when it became unreachable (ticks) and the line of the fault. */
    private readonly owed;
    /** Follower -> since when (ticks) it has been alive, following and reachable. */
    private readonly liveSince;
    private slowest;
    constructor(h: ClusterHeader);
    event(e: TraceEvent, line: number): void;
    /** Updates who is live and who became unreachable after this event. */
    private track;
    private judgeSuspect;
    private checkDeadlines;
    end(): Verdict[];
}
