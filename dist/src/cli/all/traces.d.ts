import type { Verdict } from '../../../conformance/checkers/types.ts';
import type { Protocol } from '../../../conformance/schema/trace.ts';
import { type Expectation, type RecordedFailures } from './expectations.ts';
export interface TraceOutcome {
    /** Path as given (relative to the working directory when found under it). */
    file: string;
    protocol?: Protocol;
    producer?: string;
    events: number;
    verdicts: Verdict[];
    expectation: Expectation;
    /** Short names of the failing properties. */
    failed: string[];
    asExpected: boolean;
    detail: string;
    elapsedMs: number;
}
/** Every *.jsonl under `root`, sorted, as paths relative to the working directory. */
export declare function findTraces(root: string): string[];
/** The failing properties per file that a directory's verdicts.json records, if it has one. */
export declare function recordedFailures(dir: string): RecordedFailures | undefined;
export declare function verifyTrace(file: string): Promise<TraceOutcome>;
