/** zero-weight-never-picked and weight 0 in the trace format: a drained backend picked is caught, a trace that leaves it out passes. */
import { describe, expect, it } from 'vitest';
import { readTraceTextSync } from '../../schema/reader.ts';
import { traceToJsonl } from '../../schema/writer.ts';
import { UserError } from '../../schema/user-error.ts';
import { balancerTrace, picksOf, verdictOn } from './trace-builder.ts';

describe('zero-weight-never-picked', () => {
  it('passes a round robin that leaves out its weight-0 backend (6 picks over a and c)', () => {
    const t = balancerTrace({ policy: 'round-robin', backends: { a: 1, b: 0, c: 1 } }, picksOf(['a', 'c', 'a', 'c', 'a', 'c']));
    expect(verdictOn(t, 'zero-weight-never-picked').status).toBe('pass');
    expect(verdictOn(t, 'round-robin-order').status).toBe('pass');
  });

  it('fails a pick of the drained backend at line 3, and pick-validity does not double-report it', () => {
    const t = balancerTrace({ policy: 'round-robin', backends: { a: 1, b: 0 } }, picksOf(['a', 'b', 'a']));
    const v = verdictOn(t, 'zero-weight-never-picked');
    expect(v.status).toBe('fail');
    expect(v.violations.map((x) => x.line)).toEqual([3]);
    expect(verdictOn(t, 'pick-validity').status).toBe('pass');
  });

  it('follows a membership change to weight 0 and a P2C candidate that is drained', () => {
    const t = balancerTrace({ policy: 'power-of-two', backends: { a: 1, b: 1, c: 1 } }, [
      { pick: 'a', candidates: ['a', 'b'] },
      { membership: { a: 1, b: 0, c: 1 } },
      { pick: 'a', candidates: ['a', 'b'] },
    ]);
    const v = verdictOn(t, 'zero-weight-never-picked');
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/candidate b, whose weight is 0/);
  });

  it('skips, saying why, when no backend ever has weight 0', () => {
    const v = verdictOn(balancerTrace({ policy: 'round-robin', backends: { a: 1, b: 1 } }, picksOf(['a', 'b'])), 'zero-weight-never-picked');
    expect(v.status).toBe('skip');
    expect(v.note).toMatch(/no backend has weight 0/);
  });

  it('the trace format accepts weight 0 and rejects a negative weight with a UserError naming line 1', () => {
    const ok = traceToJsonl(balancerTrace({ policy: 'random', backends: { a: 0, b: 1 } }, picksOf(['b'])));
    expect([...readTraceTextSync(ok, 'w.jsonl')]).toHaveLength(2);
    const bad = ok.replace('"weight":0', '"weight":-1');
    try {
      [...readTraceTextSync(bad, 'w.jsonl')];
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).where).toMatchObject({ file: 'w.jsonl', line: 1 });
    }
  });
});
