import type { TraceEvent, TraceHeader } from './trace.ts';
export interface Trace<H extends TraceHeader = TraceHeader> {
    header: H;
    events: TraceEvent[];
}
export type TraceLine = TraceHeader | TraceEvent;
/** JSON Lines of a header followed by its events (each line newline-terminated). */
export declare function traceToJsonl(trace: Trace | Iterable<TraceLine>): string;
/** Appends a trace to a file as it is recorded: header first, then one event per call. */
export declare class TraceFileWriter {
    readonly path: string;
    private fd;
    constructor(path: string, header: TraceHeader);
    event(e: TraceEvent): void;
    private line;
    close(): void;
}
