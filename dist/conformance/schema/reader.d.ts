import { Readable } from 'node:stream';
import type { TraceEvent, TraceHeader } from './trace.ts';
export type TraceItem = {
    kind: 'header';
    line: number;
    header: TraceHeader;
} | {
    kind: 'event';
    line: number;
    event: TraceEvent;
};
/** The longest line the reader accepts (16 MiB): far above any real event, far below V8's string limit. */
export declare const MAX_LINE_BYTES: number;
/** The file name that means standard input. */
export declare const STDIN = "-";
/** How standard input is named in reports and errors. */
export declare const STDIN_NAME = "<stdin>";
export interface ReadOptions {
    /** Longest accepted line, in bytes (tests lower it). */
    maxLineBytes?: number;
}
/** Reads a trace in batches of items (the fast path for long traces). */
export declare function readTraceBatches(input: Readable, file: string, opts?: ReadOptions): AsyncGenerator<TraceItem[]>;
/** Reads a trace item by item from any byte or string stream; `file` is the name used in errors. */
export declare function readTraceStream(input: Readable, file: string, opts?: ReadOptions): AsyncGenerator<TraceItem>;
/** How a trace file is named in reports and errors ('-' is standard input). */
export declare const traceName: (path: string) => string;
/**
 * Opens a trace file in batches; a missing or unreadable file is a UserError, not a crash.
 * '-' reads standard input (whatever it is: a pipe, a FIFO, a device).
 */
export declare function readTraceFileBatches(path: string, opts?: ReadOptions): AsyncGenerator<TraceItem[]>;
/** Opens a trace file item by item ('-' is standard input). */
export declare function readTraceFile(path: string, opts?: ReadOptions): AsyncGenerator<TraceItem>;
/**
 * Reads a trace held in memory synchronously, with exactly the checks of the streaming
 * reader (in-memory traces of simulations, harnesses and tests are judged as files are).
 */
export declare function readTraceTextSync(text: string, file?: string): TraceItem[];
/** Reads a trace held in memory (tests, ITF import). */
export declare function readTraceText(text: string, file?: string): AsyncGenerator<TraceItem>;
