import { describe, expect, it } from 'vitest';
import { check } from 'coordkit';
import leaseLock from './system.ts';

describe('lease-based lock with clock skew', () => {
  it('the naive client breaks mutual exclusion: a 15-step counterexample among the first 21,952 states', async () => {
    const r = await check(leaseLock());
    expect(r.verdict).toBe('fail');
    expect(r.summary.states).toBe(21952);
    const me = r.summary.properties.find((p) => p.name === 'mutual-exclusion')!;
    expect(me).toMatchObject({ status: 'violated', depth: 15, message: 'c1 and c2 both use the lock' });
    expect(r.counterexamples[0].steps.at(-1)!.action).toMatch(/ takes enter\(\)$/);
  }, 60_000);

  it('the safe client shows no violation in its first 50,000 states (the whole 1,126,964-state check is the README command)', async () => {
    const r = await check(leaseLock({ client: 'safe' }), { maxStates: 50_000 });
    expect(r.verdict).toBe('incomplete');
    expect(r.summary.properties.find((p) => p.name === 'mutual-exclusion')!.status).toBe('holds');
  }, 60_000);
});
