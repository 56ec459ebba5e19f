/** p2c-distinct-candidates: a pick whose two candidates are one backend is caught; distinct candidates pass. */
import { describe, expect, it } from 'vitest';
import { balancerTrace, verdictOn } from './trace-builder.ts';

describe('p2c-distinct-candidates', () => {
  it('passes distinct candidates and fails a pick whose two candidates are both a (line 3)', () => {
    const good = balancerTrace({ policy: 'power-of-two', backends: { a: 1, b: 1 } }, [{ pick: 'a', candidates: ['a', 'b'] }, { pick: 'b', candidates: ['b', 'a'] }]);
    expect(verdictOn(good, 'p2c-distinct-candidates').status).toBe('pass');
    const bad = balancerTrace({ policy: 'power-of-two', backends: { a: 1, b: 1 } }, [{ pick: 'b', candidates: ['a', 'b'] }, { pick: 'a', candidates: ['a', 'a'] }]);
    const v = verdictOn(bad, 'p2c-distinct-candidates');
    expect(v.status).toBe('fail');
    expect(v.violations.map((x) => x.line)).toEqual([3]);
  });

  it('allows the only pickable backend twice (the other drained): nothing to judge, so it skips', () => {
    const t = balancerTrace({ policy: 'power-of-two', backends: { a: 1, b: 0 } }, [{ pick: 'a', candidates: ['a', 'a'] }]);
    expect(verdictOn(t, 'p2c-distinct-candidates').status).toBe('skip');
    expect(verdictOn(t, 'zero-weight-never-picked').status).toBe('pass');
  });
});
