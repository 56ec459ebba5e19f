/** aggregate after issue 17: the minimum sample (skip, stated), the per-policy slack that keeps correct balancers green, and enough digits to see why. */
import { describe, expect, it } from 'vitest';
import { policies } from '../../../src/impl/balancer/index.ts';
import { recordTrace } from '../../../src/impl/balancer/record.ts';
import { backendsOf } from '../../../src/impl/balancer/workload.ts';
import { bernsteinBound, MIN_FAIR_SHARE } from './aggregate.ts';
import { balancerTrace, picksOf, verdictOn } from './trace-builder.ts';

describe('aggregate (issue 17: minimum sample, slack, digits)', () => {
  it('a correct 3-pick round robin (b1, b2, b1 over two backends) is skipped, not failed, naming the minimum sample', () => {
    const v = verdictOn(balancerTrace({ policy: 'round-robin', backends: { b1: 1, b2: 1 } }, picksOf(['b1', 'b2', 'b1'])), 'aggregate');
    expect(v.status).toBe('skip');
    expect(v.note).toContain(`at least ${MIN_FAIR_SHARE} picks (minimum sample)`);
    expect(v.figures.belowMinimumSample).toBe('b1 b2');
  });

  it('4 picks over three backends are skipped too; the figures carry 6 significant digits (Jain 0.997923 at 31 picks)', () => {
    const v = verdictOn(balancerTrace({ policy: 'round-robin', backends: { b1: 1, b2: 1, b3: 1 } }, picksOf(['b1', 'b2', 'b3', 'b1'])), 'aggregate');
    expect(v.status).toBe('skip');
    expect(v.figures.jainIndex).toBe(null);
    const many = verdictOn(balancerTrace({ policy: 'round-robin', backends: { b1: 1, b2: 1, b3: 1 } }, picksOf(Array.from({ length: 31 }, (_, i) => `b${(i % 3) + 1}`))), 'aggregate');
    expect(many.status).toBe('pass');
    // 11, 10, 10 picks against 10.3333 each.
    expect(many.figures.jainIndex).toBe(0.997923);
    expect(many.figures.jainAfterSlack).toBe(1);
  });

  it('a round robin that serves one backend 50 times and two others 10 fails, even after 1 pick of slack each', () => {
    const v = verdictOn(balancerTrace({ policy: 'round-robin', backends: { a: 1, b: 1, c: 1 } }, picksOf([...Array(50).fill('a'), ...Array(10).fill('b'), ...Array(10).fill('c')])), 'aggregate');
    expect(v.status).toBe('fail');
    expect(v.note).toMatch(/Jain's index 0\.\d{3,6} < 0\.9 even after each backend's slack/);
  });

  it('a correct round robin through 30 membership changes of 2 picks each passes (1 pick of slack per segment)', () => {
    const backends = backendsOf(5);
    const changes = Array.from({ length: 30 }, (_, k) => ({ atPick: 2 * (k + 1), backends: backends.filter((_, i) => i !== k % 5) }));
    const spec = { backends, picks: 62, keys: 1, maxInflight: 1, seed: 1, changes };
    const v = verdictOn(recordTrace(policies['round-robin'](backends, 1), spec, { policy: 'round-robin', producer: { name: 't' } }), 'aggregate');
    expect(v.status).not.toBe('fail');
  });

  it("random's slack is Bernstein's bound: 1,000 picks at p = 1/2 allow ±64.2 at δ = 0.0005", () => {
    expect(bernsteinBound(250, 0.0005)).toBeCloseTo(64.23, 2);
  });

  it('is figures only for load-aware and hash policies', () => {
    const v = verdictOn(balancerTrace({ policy: 'least-connections', backends: { a: 1, b: 1 } }, picksOf(Array(40).fill('a'))), 'aggregate');
    expect(v.status).toBe('skip');
    expect(v.note).toMatch(/speeds/);
  });
});
