/** random-uniformity with fractional and zero weights, and its minimum sample. */
import { describe, expect, it } from 'vitest';
import { policies } from '../../../src/impl/balancer/index.ts';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import { recordTrace } from '../../../src/impl/balancer/record.ts';
import { backendsOf } from '../../../src/impl/balancer/workload.ts';
import { balancerTrace, picksOf, verdictOn } from './trace-builder.ts';

const record = (create: (b: ReturnType<typeof backendsOf>, seed: number) => ReturnType<(typeof policies)['random']>, weights: number[], seed = 4) => {
  const backends = backendsOf(weights.length, weights);
  return [...recordTrace(create(backends, seed), { backends, picks: 3000, keys: 1, maxInflight: 1, seed, changes: [] }, { policy: 'random', producer: { name: 't' } })];
};

describe('random with fractional and zero weights', () => {
  it('the kit passes with weights 0.1, 0.3, 0 (b3 never picked); drawing uniformly instead is caught', () => {
    const good = record(policies.random, [0.1, 0.3, 0]);
    for (const p of ['random-uniformity', 'random-independence', 'zero-weight-never-picked', 'aggregate']) expect(verdictOn(good, p).status, p).toBe('pass');
    const uniform = mutants.find((m) => m.name === 'random-ignores-weights')!;
    expect(verdictOn(record(uniform.create, [0.1, 0.3]), 'random-uniformity').status).toBe('fail');
  });

  it('skips uniformity below 5 expected picks per backend, saying so (12 picks over 3)', () => {
    const v = verdictOn(balancerTrace({ policy: 'random', backends: { a: 1, b: 1, c: 1 } }, picksOf(['a', 'b', 'c', 'a', 'c', 'b', 'a', 'a', 'b', 'c', 'c', 'b'])), 'random-uniformity');
    expect(v.status).toBe('skip');
    expect(v.note).toMatch(/fewer than 5 expected picks/);
  });
});
