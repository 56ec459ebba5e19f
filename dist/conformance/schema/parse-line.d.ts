import { type TraceEvent, type TraceHeader } from './trace.ts';
export interface LineRef {
    file: string;
    line: number;
}
/** Deepest nesting of arrays and objects a line may have (a state snapshot is a few levels). */
export declare const MAX_DEPTH = 64;
/**
 * The top-level field under which `raw` nests deeper than MAX_DEPTH levels, or undefined.
 * Iterative (an explicit stack), so the check itself cannot overflow.
 */
export declare function tooDeep(raw: unknown): string | undefined;
export declare function parseHeaderLine(text: string, at: LineRef): TraceHeader;
/** Validates a JSON value already parsed as an event (the fast path first, zod otherwise). */
export declare function toEvent(raw: unknown, at: LineRef): TraceEvent;
export declare function parseEventLine(text: string, at: LineRef): TraceEvent;
