/** The property table harnesses read (names, which are statistical) and the Šidák correction for the number of scenarios. */
import { describe, expect, it } from 'vitest';
import { nextRandom } from '../../../models/balancer/primitives.ts';
import { balancerPolicy } from '../../schema/trace.ts';
import { verifyTrace } from '../run.ts';
import { balancerProperties, multipleTesting, significanceOf, sidak } from './properties.ts';
import { balancerTrace, picksOf, verdictOn } from './trace-builder.ts';

describe('the property table for harnesses', () => {
  for (const policy of balancerPolicy.options) {
    it(`${policy}: the table lists exactly the verdicts a trace gets, in order`, () => {
      const t = balancerTrace({ policy, backends: { a: 1, b: 1 } }, picksOf(['a', 'b']));
      expect(verifyTrace(t).verdicts.map((v) => v.property)).toEqual(balancerProperties(policy).map((p) => p.name));
    });
  }

  it('marks 3 statistical verdicts for random, 2 for consistent-hash, 1 for hash and least-connections, 0 for round robin', () => {
    const count = (p: Parameters<typeof balancerProperties>[0]) => balancerProperties(p).filter((x) => x.statistical).length;
    expect([count('random'), count('consistent-hash'), count('hash'), count('least-connections'), count('round-robin')]).toEqual([3, 2, 1, 1, 0]);
  });
});

describe('multiple-testing correction (Šidák)', () => {
  it('α₁ = 1 − (1 − α)^(1/(S·m)): 0.001 over 1,000 scenarios of 3 tests is 3.3351e-7', () => {
    expect(sidak(0.001, 1)).toBe(0.001);
    expect(sidak(0.001, 3000)).toBeCloseTo(3.33500e-7, 11);
    const s = significanceOf({ policy: 'random', backends: [{ id: 'a', weight: 1 }], ...multipleTesting(1000) });
    expect(s).toMatchObject({ alpha: 0.001, scenarios: 1000, tests: 3 });
    expect(s.level).toBeCloseTo(3.33500e-7, 11);
    expect(() => multipleTesting(0)).toThrow(RangeError);
    expect(() => multipleTesting(10, 1)).toThrow(RangeError);
  });

  it('a random trace with p ≈ 1.1e-4 (561 vs 439 picks) fails alone and passes as one of 100 scenarios', () => {
    // The 1,000 picks in a seeded shuffled order, so only their counts are unusual.
    const seq = [...Array(561).fill('a'), ...Array(439).fill('b')];
    let state = 99;
    for (let i = seq.length - 1; i > 0; i--) {
      const r = nextRandom(state);
      state = r.state;
      const j = Math.floor(r.value * (i + 1));
      [seq[i], seq[j]] = [seq[j], seq[i]];
    }
    const alone = verdictOn(balancerTrace({ policy: 'random', backends: { a: 1, b: 1 } }, picksOf(seq)), 'random-uniformity');
    expect(alone.status).toBe('fail');
    expect(alone.figures.pValue).toBeCloseTo(1.145e-4, 6);
    const corrected = verdictOn(balancerTrace({ policy: 'random', backends: { a: 1, b: 1 }, ...multipleTesting(100) }, picksOf(seq)), 'random-uniformity');
    expect(corrected.status).toBe('pass');
    expect(corrected.note).toBe("false-alarm rate α₁ = 0.000003335");
  });
});
