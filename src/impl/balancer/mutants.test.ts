import { describe, expect, it } from 'vitest';
import { verifyTrace } from '../../../conformance/checkers/run.ts';
import { corpus, mutantTrace, standardSpec } from './corpus.ts';
import { policies } from './index.ts';
import { mutants } from './mutants.ts';
import { kitConfig, recordTrace } from './record.ts';
import type { Policy } from './types.ts';

const SEEDS = [11, 22, 33];

describe('balancer mutants', () => {
  it('there are at least 5, each claiming a policy and naming the property it breaks', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(5);
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
  });

  for (const m of mutants) {
    it(`${m.name} is killed by ${m.breaks} under every seed`, () => {
      for (const seed of SEEDS) {
        const v = verifyTrace(mutantTrace(m, seed)).verdicts.find((x) => x.property === m.breaks);
        expect(v?.status, `seed ${seed}`).toBe('fail');
      }
    });
  }

  it('the correct implementations pass every property under the same workloads', () => {
    for (const policy of Object.keys(policies) as Policy[]) {
      for (const seed of SEEDS) {
        const weights = policy === 'weighted-round-robin' || policy === 'random' ? [5, 1, 3, 1] : undefined;
        const spec = standardSpec(weights, seed);
        const r = verifyTrace(recordTrace(policies[policy](spec.backends, seed), spec, { policy, producer: { name: 't' }, config: kitConfig(policy) }));
        const failed = r.verdicts.filter((v) => v.status === 'fail').map((v) => `${v.property}: ${v.note}`);
        expect(failed, `${policy} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('reports the kill rate', () => {
    const killed = mutants.filter((m) => verifyTrace(mutantTrace(m)).verdicts.some((v) => v.property === m.breaks && v.status === 'fail'));
    const rate = killed.length / mutants.length;
    console.log(`balancer mutants killed: ${killed.length}/${mutants.length} (${(rate * 100).toFixed(0)}%)`);
    expect(rate).toBe(1);
    // Every property judged by some policy has a failing trace in the corpus.
    const broken = new Set(corpus().filter((t) => t.expect === 'fail').map((t) => t.breaks));
    for (const p of ['pick-validity', 'zero-weight-never-picked', 'round-robin-order', 'round-robin-membership', 'wrr-proportions',
      'random-uniformity', 'random-independence', 'least-connections', 'lc-tie-fairness', 'p2c-distinct-candidates', 'p2c-less-loaded',
      'hash-stable', 'hash-deterministic', 'hash-balance', 'consistent-hash-movement', 'consistent-hash-add-share', 'aggregate']) {
      expect(broken, p).toContain(p);
    }
  });
});
