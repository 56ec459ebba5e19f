/**
 * Parses the ZooKeeper 3.8 log lines the recorder cares about (pattern from config.ts:
 * "yyyy-MM-dd HH:mm:ss,SSS LEVEL [thread:Class@line] - message", UTC). Pure: one line in,
 * at most one observation out. Every other line, including stack traces, yields null.
 */
import type { Observation } from './observations.ts';
/** Epoch milliseconds of a log line's timestamp, or null if the line has none. */
export declare function logLineTime(line: string): number | null;
/**
 * `node` is the trace id of the server whose log this is; `t0` the run's start in epoch
 * ms; `nodeOfSid` maps ZooKeeper's numeric ids to trace ids.
 */
export declare function parseLogLine(line: string, node: string, t0: number, nodeOfSid: (sid: number) => string): Observation | null;
