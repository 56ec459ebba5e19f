/**
 * The balancer trace corpus: one passing trace per policy (from the correct
 * implementations) and one failing trace per mutant, named for the property it breaks.
 * `node bin/run-ts.mjs traces/balancer/generate.ts` writes it to traces/balancer/.
 */
import { policies } from './index.ts';
import { mutants, type Mutant } from './mutants.ts';
import { kitConfig, recordTrace, type TraceLine } from './record.ts';
import type { Policy } from './types.ts';
import { backendsOf, standardChanges, type WorkloadSpec } from './workload.ts';

export const CORPUS_SEED = 20240611;

/** Weights that exercise each policy (weighted policies get unequal ones). */
const policyWeights: Partial<Record<Policy, number[]>> = {
  'weighted-round-robin': [5, 1, 3, 1],
  random: [3, 1, 1, 2],
};

/** The standard workload: 2000 picks over 200 keys, up to 12 in flight, drop one backend
 * at a third and add one at two thirds. */
export function standardSpec(weights: readonly number[] = [1, 1, 1, 1], seed = CORPUS_SEED, picks = 2000): WorkloadSpec {
  const backends = backendsOf(weights.length, weights);
  return { backends, picks, keys: 200, maxInflight: 12, changes: standardChanges(backends, picks), seed };
}

export interface CorpusTrace {
  /** Path relative to traces/balancer/. */
  file: string;
  expect: 'pass' | 'fail';
  policy: Policy;
  /** For failing traces: the property it breaks. */
  breaks?: string;
  lines: () => Iterable<TraceLine>;
}

export function mutantTrace(m: Mutant, seed = CORPUS_SEED): Iterable<TraceLine> {
  const spec = standardSpec(m.weights, seed);
  const more = Array.from({ length: (m.instances ?? 1) - 1 }, (_, i) => m.create(spec.backends, seed + i + 1));
  return recordTrace(m.create(spec.backends, seed), spec, {
    policy: m.claims, instances: more, config: kitConfig(m.claims),
    producer: { name: `coordkit mutant ${m.name}` },
    description: `mutant ${m.name}: ${m.description}`,
  });
}

export function corpus(): CorpusTrace[] {
  const passing: CorpusTrace[] = (Object.keys(policies) as Policy[]).map((policy) => ({
    file: `pass/${policy}.jsonl`, expect: 'pass', policy,
    lines: () => {
      const spec = standardSpec(policyWeights[policy]);
      // Hash policies are recorded as two instances of one configuration (hash-deterministic).
      const hashing = policy === 'hash' || policy === 'consistent-hash';
      return recordTrace(policies[policy](spec.backends, CORPUS_SEED), spec, {
        policy, producer: { name: 'coordkit impl' },
        instances: hashing ? [policies[policy](spec.backends, CORPUS_SEED + 1)] : [], config: kitConfig(policy),
        description: `src/impl/balancer ${policy}: standard workload (2000 picks, drop b2 after a third, add b5 after two thirds)`,
      });
    },
  }));
  const failing: CorpusTrace[] = mutants.map((m) => ({
    file: `fail/${m.breaks}.${m.name}.jsonl`, expect: 'fail', policy: m.claims, breaks: m.breaks,
    lines: () => mutantTrace(m),
  }));
  return [...passing, ...failing];
}
