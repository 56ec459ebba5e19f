/** Renders trace reports for people (text) and for CI (JUnit XML). Pure functions. */
import { type TraceReport } from './run.ts';
export declare function formatText(r: TraceReport): string;
/** A trace that could not be judged at all (malformed input): its one-line error. */
export interface UnjudgedTrace {
    file: string;
    error: string;
}
/** Every trace gets a suite: a report's verdicts, or a malformed trace as an error testcase. */
export declare function formatJunit(reports: (TraceReport | UnjudgedTrace)[]): string;
