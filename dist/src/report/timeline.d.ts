/**
 * Counterexample timelines: one row per step (who did what), with the resulting local
 * state when the trace records it. A `state` event fills in the state of the previous
 * step taken by the same node instead of making a row of its own.
 */
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import type { CounterexampleStep } from './types.ts';
export declare function stepsFromTrace(events: readonly TraceEvent[]): CounterexampleStep[];
