/**
 * A divergence for people and tools: the path as a trace in the conformance format (the
 * model's view of it, built by the explorer's counterexample code) plus a text account
 * of the diverging step.
 */
import { counterexample, stepTable } from '../explore/counterexample.js';
import { StateStore } from '../explore/state-store.js';
import { modelAfter } from './steps.js';
import { traceToJsonl } from '../../conformance/schema/writer.js';
/**
 * The diverging path as trace events. Model steps come from the explorer's counterexample;
 * a delivery the model ignores appears as a bare receive (the model reacts with nothing).
 */
export function divergenceTrace(system, d) {
    const store = new StateStore(system.width);
    let v = system.initial();
    let index = store.push(v, -1, 0, 0);
    const events = [];
    const renumber = (es) => { for (const e of es)
        events.push({ ...e, seq: events.length + 1 }); };
    for (const step of d.path) {
        if (step.kind === 'ignored') {
            const { from, msg } = system.entries.values[step.entry].envelope;
            renumber([{ seq: 0, node: system.actorId(step.actor), kind: 'receive', from, msg }]);
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
export function divergenceSteps(system, d) {
    const store = new StateStore(system.width);
    let v = system.initial();
    const path = [store.push(v, -1, 0, 0)];
    for (const step of d.path) {
        if (step.kind === 'ignored')
            continue;
        v = modelAfter(system, v, step);
        path.push(store.push(v, path[path.length - 1], step.action, path.length));
    }
    return stepTable(counterexample(system, store, path).steps);
}
export function formatDivergence(d) {
    const lines = [`first divergence at step ${d.step} of ${d.path.length}: ${d.description}`, `  node ${d.node}, ${d.what} differ`];
    const show = (label, o) => {
        if ('error' in o) {
            lines.push(`  ${label}: error: ${o.error}`);
            return;
        }
        lines.push(`  ${label} outputs: ${o.outputs.length ? o.outputs.join('; ') : '(none)'}`);
        lines.push(`  ${label} state:   ${JSON.stringify(o.state)}`);
    };
    show('model', d.expected);
    show('impl ', d.actual);
    return lines.join('\n');
}
