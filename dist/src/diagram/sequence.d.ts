/**
 * Traces and counterexamples as sequence diagrams. `buildSequence` turns header +
 * events into a renderer-neutral list of arrows and notes (pairing each send with its
 * receive); `sequenceToMermaid` writes Mermaid, and the HTML report draws its own SVG
 * from the same list.
 */
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { type FaultTone } from './describe.ts';
export type SequenceItem = {
    kind: 'message';
    from: string;
    to: string;
    text: string;
    /** seq of the event the arrow is drawn at (the receive, for a paired message). */
    seq: number;
    /** delivered: paired send/receive, or a receive alone; sent: a send with no receive events in the trace; */
    /** undelivered: sent but never received; dropped/duplicate: the network lost or repeated it. */
    delivery: 'delivered' | 'sent' | 'undelivered' | 'dropped' | 'duplicate';
} | {
    kind: 'note';
    over: string[];
    text: string;
    seq: number;
    tone?: FaultTone;
};
export interface Sequence {
    participants: string[];
    items: SequenceItem[];
    /** Events left out because of the length cap. */
    omitted: number;
}
export interface SequenceOptions {
    /** Most items (arrows + notes) drawn; the rest is summarized in one ellipsis note. */
    maxItems?: number;
}
export declare const DEFAULT_MAX_ITEMS = 150;
/** The nodes the header declares, in its order. */
export declare function headerParticipants(header: TraceHeader): string[];
export declare function buildSequence(header: TraceHeader, events: readonly TraceEvent[], options?: SequenceOptions): Sequence;
export declare function sequenceToMermaid(seq: Sequence): string;
/** Header + events straight to Mermaid. */
export declare function traceToMermaid(header: TraceHeader, events: readonly TraceEvent[], options?: SequenceOptions): string;
