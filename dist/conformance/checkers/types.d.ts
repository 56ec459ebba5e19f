/**
 * The contract every trace checker implements. Checkers are streaming: they see each
 * event once, keep only bounded state, and report verdicts at the end.
 */
import type { HeaderOf } from '../schema/header.ts';
import type { Protocol, TraceEvent } from '../schema/trace.ts';
/** A figure a checker measured (e.g. chi-square, Jain's index, failover ticks). */
export type Figure = number | string | boolean | null;
export interface Violation {
    /** 1-based line number in the trace file of the event that broke the property. */
    line: number;
    message: string;
    /** Seq numbers / lines of the events that led to it, oldest first (bounded window). */
    window?: {
        line: number;
        event: TraceEvent;
    }[];
}
export interface Verdict {
    property: string;
    status: 'pass' | 'fail' | 'skip';
    /** Why a property was skipped, or a one-line summary. */
    note?: string;
    violations: Violation[];
    figures: Record<string, Figure>;
}
/** A checker is built from its trace's header (its constructor's one argument). */
export interface Checker {
    readonly name: string;
    /** Called for each event in order; `line` is its 1-based line in the file. */
    event(e: TraceEvent, line: number): void;
    /** Called once after the last event. */
    end(): Verdict[];
}
/** Builds fresh checkers for one trace of protocol P from its header. */
export type CheckerFactory<P extends Protocol = Protocol> = (header: HeaderOf<P>) => Checker[];
