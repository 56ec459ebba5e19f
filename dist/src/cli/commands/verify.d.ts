/**
 * `coordkit verify TRACE.jsonl...`: judge recorded traces against the protocol's properties.
 *
 * Every file gets its own result, printed as soon as it is judged: a report, or for a
 * malformed file its one-line error (stderr; in --json an entry with `error`). The exit
 * code is the worst over all files: 0 every trace passed; 1 a property failed; 2 a trace
 * could not be judged (malformed, no events, or every property skipped: nothing was
 * checked). The JUnit file, checked before any work starts, holds every file.
 */
import type { Command } from 'commander';
import { type TraceReport } from '../../../conformance/checkers/run.ts';
import { UserError } from '../errors.ts';
/** One file's result: its report, or the user error that kept it from being judged. */
export type FileResult = {
    file: string;
    report: TraceReport;
} | {
    file: string;
    error: UserError;
};
/** The exit code of one result: 0 pass, 1 a property failed, 2 nothing could be judged. */
export declare function exitCodeOf(r: FileResult): 0 | 1 | 2;
/** Judges files one by one; a malformed file is a result, not the end of the others. */
export declare function judgeFiles(files: string[], opts?: {
    refinement?: boolean;
}): AsyncGenerator<FileResult>;
/** Reports of every file; throws the first malformed file's error (for callers that need all). */
export declare function verifyFiles(files: string[], opts?: {
    refinement?: boolean;
}): Promise<TraceReport[]>;
export declare function register(program: Command): void;
