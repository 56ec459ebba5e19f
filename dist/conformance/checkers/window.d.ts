/**
 * The last few events a checker saw, kept in a fixed ring so memory never grows with
 * the trace. A violation copies the ring out as "the events that led to it".
 */
import type { TraceEvent } from '../schema/trace.ts';
import type { Violation } from './types.ts';
export declare const WINDOW_SIZE = 8;
export declare class EventWindow {
    readonly size: number;
    private readonly lines;
    private readonly events;
    private next;
    private count;
    constructor(size?: number);
    push(event: TraceEvent, line: number): void;
    /** Oldest first. */
    snapshot(): {
        line: number;
        event: TraceEvent;
    }[];
}
/** Keeps the first few violations of one property in full and counts the rest. */
export declare class ViolationLog {
    private readonly window;
    private readonly keep;
    readonly kept: Violation[];
    total: number;
    constructor(window: EventWindow, keep?: number);
    report(line: number, message: string): void;
}
/** A verdict from a violation log: fail if anything was reported. */
export declare function verdictOf(property: string, log: ViolationLog, figures?: Record<string, number | string | boolean | null>, note?: string): {
    property: string;
    status: "fail" | "pass";
    note?: string | undefined;
    violations: Violation[];
    figures: {
        violations: number;
    };
};
