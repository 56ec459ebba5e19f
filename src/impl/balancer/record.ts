/** Runs a workload against a balancer (or several instances of one configuration) and
 * yields the trace (header, then events). */
import type { ConfigOf } from '../../../conformance/schema/header.ts';
import { traceHeader } from '../../../conformance/schema/header.ts';
import type { TraceLine } from '../../../conformance/schema/writer.ts';
import { VNODES_PER_WEIGHT } from '../../../models/balancer/primitives.ts';
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
  /** Further instances of the same configuration: picks go to the instances in turn and
   * name theirs (`i1`, `i2`, ...) in the pick's `instance` field; membership changes reach all. */
  instances?: Balancer[];
  /** Header config beyond policy, backends and seed (a recorder states its ring's `vnodes`;
   * kitConfig gives coordkit's own). */
  config?: Partial<Pick<ConfigOf<'balancer'>, 'vnodes' | 'hash' | 'alpha' | 'scenarios'>>;
}

/** What coordkit's own balancers promise beyond policy and backends: the ring's vnodes. */
export function kitConfig(policy: Policy): RecordMeta['config'] {
  return policy === 'consistent-hash' ? { vnodes: VNODES_PER_WEIGHT } : {};
}

export function* recordTrace(balancer: Balancer, spec: WorkloadSpec, meta: RecordMeta): Generator<TraceLine> {
  const node = meta.node ?? 'lb';
  const config = meta.config ?? {};
  yield traceHeader('balancer', {
    policy: meta.policy, backends: spec.backends.map((b) => ({ id: b.id, weight: b.weight })), seed: spec.seed, ...config,
  }, meta.producer, meta.description || undefined);
  const keyed = meta.keyed ?? (meta.policy === 'hash' || meta.policy === 'consistent-hash');
  const all = [balancer, ...(meta.instances ?? [])];
  const named = all.length > 1;
  const backendOf = new Map<string, { backend: string; instance: number }>();
  let seq = 0;
  let turn = 0;
  for (const step of workloadSteps(spec)) {
    if (step.op === 'membership') {
      for (const b of all) b.setBackends(step.backends);
      yield { seq: seq++, node, kind: 'membership', backends: step.backends.map((b) => ({ id: b.id, weight: b.weight })) };
    } else if (step.op === 'pick') {
      const instance = turn++ % all.length;
      const d = all[instance].pick(step.request, keyed ? step.key : undefined);
      backendOf.set(step.request, { backend: d.backend, instance });
      yield {
        seq: seq++, node, kind: 'pick', request: step.request, backend: d.backend,
        ...(keyed ? { key: step.key } : {}),
        ...(d.candidates ? { candidates: [...d.candidates] } : {}),
        ...(named ? { instance: `i${instance + 1}` } : {}),
      };
    } else {
      const { backend, instance } = backendOf.get(step.request)!;
      all[instance].done(step.request);
      backendOf.delete(step.request);
      yield { seq: seq++, node, kind: 'done', request: step.request, backend };
    }
  }
}
