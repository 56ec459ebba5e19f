/** wrr-proportions with fractional and zero weights: smooth WRR passes exactly, one changed pick fails. */
import { describe, expect, it } from 'vitest';
import { policies } from '../../../src/impl/balancer/index.ts';
import { backendsOf } from '../../../src/impl/balancer/workload.ts';
import { balancerTrace, picksOf, verdictOn } from './trace-builder.ts';

const smooth = (weights: number[], n: number) => {
  const b = policies['weighted-round-robin'](backendsOf(weights.length, weights), 0);
  return Array.from({ length: n }, (_, i) => b.pick(`r${i}`).backend);
};
const backends = (weights: number[]) => Object.fromEntries(weights.map((w, i) => [`b${i + 1}`, w]));

describe('wrr-proportions with fractional and zero weights', () => {
  it('smooth WRR with weights 0.1, 0.3 passes the exact check over periods of 4 picks', () => {
    const v = verdictOn(balancerTrace({ policy: 'weighted-round-robin', backends: backends([0.1, 0.3]) }, picksOf(smooth([0.1, 0.3], 40))), 'wrr-proportions');
    expect(v.status).toBe('pass');
    expect(v.figures.period).toBe(4);
  });

  it('smooth WRR with 0.25, 1.5, 0.1 and a drained backend passes over periods of 37; one changed pick fails', () => {
    const w = [0.25, 1.5, 0, 0.1];
    const seq = smooth(w, 37 * 4);
    expect(seq).not.toContain('b3');
    expect(verdictOn(balancerTrace({ policy: 'weighted-round-robin', backends: backends(w) }, picksOf(seq)), 'wrr-proportions').status).toBe('pass');
    const i = 50;
    seq[i] = seq[i] === 'b2' ? 'b1' : 'b2';
    expect(verdictOn(balancerTrace({ policy: 'weighted-round-robin', backends: backends(w) }, picksOf(seq)), 'wrr-proportions').status).toBe('fail');
  });

  it('says which weights it could not check (π has no small rational form)', () => {
    const v = verdictOn(balancerTrace({ policy: 'weighted-round-robin', backends: { a: Math.PI, b: 1 } }, picksOf(['a', 'b'])), 'wrr-proportions');
    expect(v.status).toBe('skip');
    expect(v.note).toMatch(/no exact rational period/);
  });
});
