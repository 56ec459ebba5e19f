/**
 * A divergence for people and tools: what the implementation did along the path, as a
 * trace in the conformance format (what `--trace-out` writes, so `verify` judges the
 * implementation, not the model); the model's expectation along the same path (built by
 * the explorer's counterexample code); and a text account of the diverging step.
 */
import { counterexample, stepTable } from '../explore/counterexample.ts';
import type { ComposedSystem } from '../explore/compose.ts';
import { StateStore } from '../explore/state-store.ts';
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import type { Divergence } from './driver.ts';
import { modelAfter } from './steps.ts';
import { traceToJsonl } from '../../conformance/schema/writer.ts';
import { traceEvent } from '../../conformance/schema/trace.ts';

/**
 * The implementation's run along the diverging path as a trace: every receive, send,
 * decision, crash, restart, loss and duplication, the diverging step's outputs included.
 * Events the trace schema has no kind or message type for are left out, and counted in
 * the header's description.
 */
export function implementationTrace(system: ComposedSystem, d: Divergence): string {
  const events: TraceEvent[] = [];
  let skipped = 0;
  for (const e of d.events) {
    const parsed = traceEvent.safeParse({ ...e, seq: events.length + 1 });
    if (parsed.success) events.push(parsed.data);
    else skipped++;
  }
  const description = `what the implementation did along the driver's path to its divergence at step ${d.step} (${d.class}: ${d.property}: ${d.why})`
    + (skipped ? `; ${skipped} events outside the trace vocabulary left out` : '');
  return traceToJsonl({ header: { ...system.spec.traceHeader(), description }, events });
}

/**
 * The diverging path as trace events. Model steps come from the explorer's counterexample;
 * a delivery the model ignores appears as a bare receive (the model reacts with nothing).
 */
export function divergenceTrace(system: ComposedSystem, d: Divergence): string {
  const store = new StateStore(system.width);
  let v = system.initial();
  let index = store.push(v, -1, 0, 0);
  const events: TraceEvent[] = [];
  const renumber = (es: TraceEvent[]) => { for (const e of es) events.push({ ...e, seq: events.length + 1 }); };
  for (const step of d.path) {
    if (step.kind === 'ignored') {
      const { from, msg } = system.envelope(step.entry);
      renumber([{ seq: 0, node: system.actorId(step.actor), kind: 'receive', from, msg } as TraceEvent]);
      continue;
    }
    v = modelAfter(system, v, step);
    const next = store.push(v, index, step.action, store.depth(index) + 1);
    renumber(counterexample(system, store, [index, next]).events);
    index = next;
  }
  const header = { ...system.spec.traceHeader(), description: `driver divergence at step ${d.step}: ${d.description} (model's expectation)` };
  return traceToJsonl({ header, events });
}

/** The steps of the diverging path as a table (model side). */
export function divergenceSteps(system: ComposedSystem, d: Divergence): string {
  const store = new StateStore(system.width);
  let v = system.initial();
  const path = [store.push(v, -1, 0, 0)];
  for (const step of d.path) {
    if (step.kind === 'ignored') continue;
    v = modelAfter(system, v, step);
    path.push(store.push(v, path[path.length - 1], step.action, path.length));
  }
  return stepTable(counterexample(system, store, path).steps);
}

export function formatDivergence(d: Divergence, label = 'first divergence'): string {
  const lines = [
    `${label} at step ${d.step} of ${d.path.length}: ${d.description}`,
    `  ${d.class === 'error' ? 'ERROR' : d.class.toUpperCase()} ${d.property}: node ${d.node}: ${d.why}`,
    `  node ${d.node}, ${d.what} differ`,
  ];
  const show = (label: string, o: Divergence['expected'] | Divergence['actual']) => {
    if ('error' in o) { lines.push(`  ${label}: error: ${o.error}`); return; }
    lines.push(`  ${label} outputs: ${o.outputs.length ? o.outputs.join('; ') : '(none)'}`);
    lines.push(`  ${label} state:   ${JSON.stringify(o.state)}`);
  };
  show('model', d.expected);
  show('impl ', d.actual);
  return lines.join('\n');
}
