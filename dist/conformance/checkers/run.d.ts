import { type TraceItem } from '../schema/reader.ts';
import type { Protocol } from '../schema/trace.ts';
import { type Trace, type TraceLine } from '../schema/writer.ts';
import type { Verdict } from './types.ts';
export interface TraceReport {
    file: string;
    protocol: Protocol;
    events: number;
    verdicts: Verdict[];
}
export declare const failed: (r: TraceReport) => boolean;
/**
 * What a report amounts to: 'fail' if any property failed, 'unchecked' if no property
 * was judged (every verdict a skip, or no checker ran), else 'pass'.
 */
export type Outcome = 'pass' | 'fail' | 'unchecked';
export declare function outcomeOf(r: TraceReport): Outcome;
/** `items` may come one by one or in batches (readTraceBatches, the fast path). */
export declare function verifyItems(items: AsyncIterable<TraceItem | TraceItem[]>, file: string, 
/** Checker names to leave out (e.g. 'paxos.refinement' for speed). */
skip?: ReadonlySet<string>): Promise<TraceReport>;
/** Judges a trace held in memory, synchronously: it is written and read back through the
 * one reader, so it is judged exactly as the same trace in a file would be. */
export declare function verifyTrace(trace: Trace | Iterable<TraceLine>, file?: string): TraceReport;
/** Judges a trace file, streaming. */
export declare function verifyFile(path: string): Promise<TraceReport>;
