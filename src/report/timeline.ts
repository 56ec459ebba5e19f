/**
 * Counterexample timelines: one row per step (who did what), with the resulting local
 * state when the trace records it. A `state` event fills in the state of the previous
 * step taken by the same node instead of making a row of its own.
 */
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import { eventText, faultTone, stateText } from '../diagram/describe.ts';
import type { CounterexampleStep } from './types.ts';

export function stepsFromTrace(events: readonly TraceEvent[]): CounterexampleStep[] {
  const steps: CounterexampleStep[] = [];
  const lastByNode = new Map<string, CounterexampleStep>();
  for (const e of events) {
    if (e.kind === 'state') {
      const prev = lastByNode.get(e.node);
      if (prev && prev.state === undefined) {
        prev.state = stateText(e.state);
        continue;
      }
    }
    const tone = faultTone(e);
    const step: CounterexampleStep = { seq: e.seq, actor: e.node, action: eventText(e), ...(tone ? { tone } : {}) };
    if (e.kind === 'state') step.state = stateText(e.state);
    steps.push(step);
    lastByNode.set(e.node, step);
  }
  return steps;
}
