/**
 * One-line, human-readable descriptions of trace messages and events, shared by the
 * sequence diagrams and the report's counterexample timeline.
 */
import type { Message, TraceEvent } from '../../conformance/schema/trace.ts';
/** A value as a person reads it: strings bare, everything else as compact JSON. */
export declare function show(v: unknown): string;
/** "promise ballot=2 acceptedBallot=1 acceptedValue=v1" */
export declare function messageText(msg: Message): string;
/** "k=v, k2=v2" for a local state snapshot. */
export declare function stateText(state: Record<string, unknown>): string;
/** What happened, without the node it happened on. */
export declare function eventText(e: TraceEvent): string;
export type FaultTone = 'fault' | 'recovery';
/** Faults are drawn highlighted; recoveries in a calmer colour; everything else plain. */
export declare function faultTone(e: TraceEvent): FaultTone | undefined;
