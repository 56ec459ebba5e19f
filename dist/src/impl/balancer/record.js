/** Runs a workload against a balancer and yields the trace (header, then events). */
import { traceHeader } from '../../../conformance/schema/header.js';
import { workloadSteps } from './workload.js';
export function* recordTrace(balancer, spec, meta) {
    const node = meta.node ?? 'lb';
    yield traceHeader('balancer', {
        policy: meta.policy, backends: spec.backends.map((b) => ({ id: b.id, weight: b.weight })), seed: spec.seed,
    }, meta.producer, meta.description || undefined);
    const keyed = meta.keyed ?? (meta.policy === 'hash' || meta.policy === 'consistent-hash');
    const backendOf = new Map();
    let seq = 0;
    for (const step of workloadSteps(spec)) {
        if (step.op === 'membership') {
            balancer.setBackends(step.backends);
            yield { seq: seq++, node, kind: 'membership', backends: step.backends.map((b) => ({ id: b.id, weight: b.weight })) };
        }
        else if (step.op === 'pick') {
            const d = balancer.pick(step.request, keyed ? step.key : undefined);
            backendOf.set(step.request, d.backend);
            yield {
                seq: seq++, node, kind: 'pick', request: step.request, backend: d.backend,
                ...(keyed ? { key: step.key } : {}),
                ...(d.candidates ? { candidates: [...d.candidates] } : {}),
            };
        }
        else {
            balancer.done(step.request);
            const backend = backendOf.get(step.request);
            backendOf.delete(step.request);
            yield { seq: seq++, node, kind: 'done', request: step.request, backend };
        }
    }
}
