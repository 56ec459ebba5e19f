/** Runs a workload against a balancer and yields the trace (header, then events). */
import { traceHeader } from '../../../conformance/schema/header.ts';
import type { TraceLine } from '../../../conformance/schema/writer.ts';
import type { Balancer, Policy } from './types.ts';
import { workloadSteps, type WorkloadSpec } from './workload.ts';

export type { TraceLine } from '../../../conformance/schema/writer.ts';

export interface RecordMeta {
  /** The policy the balancer claims to implement: it decides which checkers judge it. */
  policy: Policy;
  producer: { name: string; version?: string };
  description?: string;
  /** Whether pick events carry the routing key (hash policies route by it). */
  keyed?: boolean;
  /** The balancer's node name in the trace. */
  node?: string;
}

export function* recordTrace(balancer: Balancer, spec: WorkloadSpec, meta: RecordMeta): Generator<TraceLine> {
  const node = meta.node ?? 'lb';
  yield traceHeader('balancer', {
    policy: meta.policy, backends: spec.backends.map((b) => ({ id: b.id, weight: b.weight })), seed: spec.seed,
  }, meta.producer, meta.description || undefined);
  const keyed = meta.keyed ?? (meta.policy === 'hash' || meta.policy === 'consistent-hash');
  const backendOf = new Map<string, string>();
  let seq = 0;
  for (const step of workloadSteps(spec)) {
    if (step.op === 'membership') {
      balancer.setBackends(step.backends);
      yield { seq: seq++, node, kind: 'membership', backends: step.backends.map((b) => ({ id: b.id, weight: b.weight })) };
    } else if (step.op === 'pick') {
      const d = balancer.pick(step.request, keyed ? step.key : undefined);
      backendOf.set(step.request, d.backend);
      yield {
        seq: seq++, node, kind: 'pick', request: step.request, backend: d.backend,
        ...(keyed ? { key: step.key } : {}),
        ...(d.candidates ? { candidates: [...d.candidates] } : {}),
      };
    } else {
      balancer.done(step.request);
      const backend = backendOf.get(step.request)!;
      backendOf.delete(step.request);
      yield { seq: seq++, node, kind: 'done', request: step.request, backend };
    }
  }
}
