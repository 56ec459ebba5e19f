import { describe, expect, it } from 'vitest';
import { check } from 'coordkit';
import { checkSystem, ModelCheckError } from 'coordkit/vitest';
import twoPhaseCommit from './system.ts';

describe('two-phase commit with a coordinator crash', () => {
  it('keeps agreement in all 585 states, and blocks: all-decide fails with a lasso of 5 steps and a 2-step cycle', async () => {
    const r = await check(twoPhaseCommit());
    expect(r.summary.states).toBe(585);
    expect(r.verdict).toBe('fail');
    const status = Object.fromEntries(r.summary.properties.map((p) => [p.name, p.status]));
    expect(status).toEqual({ agreement: 'holds', 'commit-needs-all-yes': 'holds', 'some-commit': 'reached', 'some-abort': 'reached', 'all-decide': 'violated' });
    const [cx] = r.counterexamples;
    expect(cx.property).toBe('all-decide');
    expect(r.summary.properties.find((p) => p.name === 'all-decide')!.loop).toEqual({ prefixSteps: 5, cycleSteps: 2, startSeq: 10 });
    expect(cx.steps.map((s) => s.action)).toEqual(['c takes begin()', 'p1 receives prepare() from c', 'p1 takes voteYes()', 'p2 takes timeout()', 'c crashes', 'p1 takes timeout()', 'p1 takes timeout()']);
    expect(cx.header.description).toMatch(/loop after seq 10: events seq 11\.\.13 \(2 steps\) repeat forever/);
  }, 60_000);

  it('decides everywhere when the coordinator cannot crash (crashes=0): 172 states, PASS', async () => {
    const r = await checkSystem(twoPhaseCommit({ crashes: '0' }));
    expect(r.summary.states).toBe(172);
  }, 60_000);

  it('checkSystem throws the step table when the verdict is not the one expected', async () => {
    const err = await checkSystem(twoPhaseCommit()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelCheckError);
    expect((err as Error).message).toMatch(/expected PASS, got FAIL/);
    expect((err as Error).message).toMatch(/5 {2}c {5}c crashes/);
    await expect(checkSystem(twoPhaseCommit(), { expect: 'fail', violates: ['all-decide'] })).resolves.toBeDefined();
    await expect(checkSystem(twoPhaseCommit(), { expect: 'fail', violates: ['agreement'] })).rejects.toThrow(/expected violations of agreement, got all-decide/);
  }, 60_000);
});
