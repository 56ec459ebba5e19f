/**
 * Turns a run's observations into trace events (pure). Observations are merged in time
 * order; a `role` event is emitted only when a server's (role, epoch) changes, whichever
 * source saw it first. `tick` events are derived from wall time: tick k of a server is
 * at k * tickTime ms while that server is up and not paused (a crashed or SIGSTOPped
 * JVM does not tick), so they carry the same uncertainty as the clock, i.e. none beyond
 * the recorder's own scheduling.
 *
 * Roles as a client sees them: `leading`/`following` mean the server answers `srvr` in
 * that mode (it has synced with a quorum and serves requests); `looking` means it is in
 * leader election *or still syncing* (ZooKeeper answers "not currently serving" to both).
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Observation } from './observations.ts';
export interface TraceInput {
    servers: string[];
    tickTime: number;
    /** ms since the run started at which recording ended. */
    end: number;
    observations: Observation[];
}
/** Intervals (ms) in which each server was up and not paused, from the fault observations. */
export declare function tickingIntervals(input: TraceInput): Map<string, [number, number][]>;
/** All events in time order, numbered from 1. Ties keep ticks before what happened in that instant. */
export declare function toTraceEvents(input: TraceInput): TraceEvent[];
/**
 * When a leader of `epoch` first had a quorum of 3 servers behind it (itself plus one
 * follower), per the role events: the later of its 'leading' and the first 'following'
 * in that epoch. Null if that never happened.
 */
export declare function quorumFormedAt(events: TraceEvent[], epoch: number): number | null;
