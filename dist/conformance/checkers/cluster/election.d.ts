/**
 * Time to elect a leader after the last fault (crash, pause or partition), as a figure:
 * 0 when the leader survived that fault, the time until the next 'leading' role event
 * when it did not, null (status skip) when no leader was elected before the trace ended.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type ClusterHeader } from './view.ts';
export declare class ElectionTimeChecker implements Checker {
    readonly name = "cluster.election-time";
    private readonly view;
    private fault;
    private leaderLost;
    private elected;
    private faults;
    constructor(h: ClusterHeader);
    event(e: TraceEvent, line: number): void;
    end(): Verdict[];
}
