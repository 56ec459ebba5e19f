/** The fixed workloads third-party libraries are recorded under. */
import { backendsOf, standardChanges, type WorkloadSpec } from '../../src/impl/balancer/workload.ts';
import { recordTrace, type TraceLine } from '../../src/impl/balancer/record.ts';
import type { Balancer, Policy } from '../../src/impl/balancer/types.ts';

export const THIRD_PARTY_SEED = 424242;
export const THIRD_PARTY_PICKS = 2000;

export interface WorkloadOptions {
  weights?: number[];
  /** Whether the library can add and remove backends (then: drop b2 at 1/3, add b5 at 2/3). */
  membership: boolean;
  /** Whether requests finish (false for libraries that count assignments, not in-flight). */
  completions?: boolean;
}

export function thirdPartySpec(o: WorkloadOptions): WorkloadSpec {
  const backends = backendsOf((o.weights ?? [1, 1, 1, 1]).length, o.weights);
  return {
    backends, picks: THIRD_PARTY_PICKS, keys: 200, maxInflight: 12, seed: THIRD_PARTY_SEED,
    changes: o.membership ? standardChanges(backends, THIRD_PARTY_PICKS) : [],
    completions: o.completions ?? true,
  };
}

/** Records `makeBalancer()`'s decisions under the workload, as `library@version`. */
export function recordLibrary(
  library: string, version: string, variant: string, policy: Policy, o: WorkloadOptions,
  makeBalancer: (spec: WorkloadSpec) => Balancer,
): TraceLine[] {
  const spec = thirdPartySpec(o);
  const what = o.membership ? 'drop b2 after a third, add b5 after two thirds' : 'no membership change (unsupported)';
  return [...recordTrace(makeBalancer(spec), spec, {
    policy, producer: { name: library, version },
    description: `${library}@${version} ${variant}: ${spec.picks} picks over ${spec.keys} keys, ${what}`,
  })];
}

/** Adds and removes entries so that `current` matches `next`; calls back per difference. */
export function applyDiff(
  current: readonly { id: string }[], next: readonly { id: string; weight: number }[],
  remove: (id: string) => void, add: (b: { id: string; weight: number }) => void,
): void {
  const nextIds = new Set(next.map((b) => b.id));
  const currentIds = new Set(current.map((b) => b.id));
  for (const b of current) if (!nextIds.has(b.id)) remove(b.id);
  for (const b of next) if (!currentIds.has(b.id)) add(b);
}
