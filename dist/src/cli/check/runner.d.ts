import { ComposedSystem } from '../../explore/compose.ts';
import { type Counterexample } from '../../explore/counterexample.ts';
import { type CheckpointIdentity } from '../../explore/checkpoint.ts';
import { type Progress, type SearchOptions, type SearchResult } from '../../explore/search.ts';
import type { SystemSpec } from '../../explore/spec.ts';
export interface PropertySummary {
    name: string;
    kind: string;
    description: string;
    status: 'holds' | 'violated' | 'reached' | 'unreached';
    message?: string;
    /** Steps in the counterexample or witness. */
    depth?: number;
    /** Liveness: the lasso's shape (steps before the cycle, steps in it; 0 = stuttering) and the trace event after which it loops. */
    loop?: {
        prefixSteps: number;
        cycleSteps: number;
        startSeq: number;
    };
    /** Where the counterexample trace was written. */
    trace?: string;
}
export interface CheckOptions extends SearchOptions {
    traceDir?: string;
    /** Where to save the search when it stops early (memory cap, state limit, Ctrl-C). */
    checkpoint?: string;
    /** A checkpoint to continue from. */
    resumeFrom?: string;
    /** The options that define this search, saved in a checkpoint and compared on resume. */
    identity?: CheckpointIdentity;
    /** Called once the inputs and output paths are accepted, just before the search starts. */
    onStart?: () => void;
}
/** pass: complete, nothing wrong. fail: a violation, or vacuity shown. bounded: a depth bound cut the search. incomplete: stopped early. */
export type CheckVerdict = 'pass' | 'fail' | 'bounded' | 'incomplete';
/** The search's figures, as reported (the store and snapshot stay behind). */
export interface CheckSummary extends Pick<SearchResult, 'system' | 'strategy' | 'states' | 'statesUnreduced' | 'symmetryGroup' | 'transitions' | 'depth' | 'elapsedMs' | 'complete' | 'stopReason'> {
    model: string;
    statesPerSecond: number;
    /** Where the search was saved, when it stopped early and a checkpoint file was given. */
    checkpoint?: string;
    peakRssBytes: number;
    verdict: CheckVerdict;
    /** One line saying what the verdict covers (the bound, what was not reached). */
    verdictNote: string;
    properties: PropertySummary[];
    /** Outputs that could not be written (the result above is still whole). */
    writeErrors: string[];
}
export interface CheckRun {
    summary: CheckSummary;
    result: SearchResult;
    system: ComposedSystem;
    counterexamples: Map<string, Counterexample>;
}
/** Writes progress to stderr, in place on a terminal and once per ~5 s otherwise. */
export declare function progressReporter(stream?: NodeJS.WriteStream): {
    onProgress: (p: Progress) => void;
    done(): void;
};
/** Checks `system` (a spec, or a system already built, e.g. to share with workers). */
export declare function runCheck(model: string, target: SystemSpec | ComposedSystem, options: CheckOptions): CheckRun;
/** As runCheck, but lets the event loop in every ~50 ms so Ctrl-C and SIGTERM handlers run. */
export declare function runCheckAsync(model: string, target: SystemSpec | ComposedSystem, options: CheckOptions): Promise<CheckRun>;
/** The verdict and what it covers. PASS needs a complete search; a violation is a FAIL whatever the bound. */
export declare function judge(result: Pick<SearchResult, 'complete' | 'stopReason' | 'states' | 'depth'>, properties: Pick<PropertySummary, 'name' | 'kind' | 'status'>[]): {
    verdict: CheckVerdict;
    note: string;
};
/** The human summary: counts, timing, one line per property, step tables of counterexamples. */
export declare function formatSummary(run: CheckRun): string;
