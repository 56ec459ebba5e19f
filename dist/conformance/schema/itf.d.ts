import { type TraceEvent, type TraceHeader } from './trace.ts';
export declare const ITF_VAR = "event";
export declare const ITF_HEADER_KEY = "coordkit-header";
type Json = null | boolean | number | string | Json[] | {
    [k: string]: Json;
};
export declare function encodeItf(v: unknown): Json;
/** Decodes ITF values; `path` names the spot for errors. */
export declare function decodeItf(v: unknown, path: string, file: string): unknown;
/** The ITF document's opening, up to and including `"states":[`; states follow, then `]}`. */
export declare function itfPrologue(h: TraceHeader): string;
export declare function itfState(e: TraceEvent, index: number): string;
export declare const ITF_EPILOGUE = "]}\n";
/** Parses an ITF document (already JSON-decoded) back into a header and events. */
export declare function fromItf(doc: unknown, file: string, headerOverride?: unknown): {
    header: TraceHeader;
    events: TraceEvent[];
};
export {};
