/** Unit tests of the scenario driver (time, in-flight load, incidents) and of the scenario generator (capabilities respected). */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kitAdapters } from '../libraries/kit.ts';
import { driveSync, type Call, type Reply } from './drive.ts';
import { InProcessHost } from './host.ts';
import type { Capabilities } from './library.ts';
import { scenarioArbitrary, type Scenario } from './scenario.ts';

const meta = { producer: { name: 'test' } };
const lc = kitAdapters.find((a) => a.id === 'kit.least-connections')!;
const base: Capabilities = { policy: 'round-robin', membership: 'any', weights: 'any', zeroWeight: true, reweight: true, completions: true, empty: true };

describe('the scenario driver', () => {
  it('finishes requests on the 10× slower backend ten times later, so in-flight load is real (b1 ends with fewer picks)', () => {
    const s: Scenario = { seed: 3, keys: 5, backends: [{ id: 'b1', weight: 1 }, { id: 'b2', weight: 1 }], slow: { which: 0, factor: 10 }, ops: [{ op: 'picks', count: 200, duration: 3 }] };
    const host = new InProcessHost(lc);
    const out = driveSync(s, lc.capabilities, meta, (c) => host.callSync(c));
    const picks = out.lines.filter((l) => 'kind' in l && l.kind === 'pick') as { backend: string }[];
    const dones = out.lines.filter((l) => 'kind' in l && l.kind === 'done');
    expect(picks).toHaveLength(200);
    expect(dones).toHaveLength(200);
    const onB1 = picks.filter((p) => p.backend === 'b1').length;
    expect(onB1).toBeLessThan(60);
    expect(out.incident).toBeNull();
  });

  const scenario: Scenario = { seed: 1, keys: 3, backends: [{ id: 'b1', weight: 1 }, { id: 'b2', weight: 1 }], slow: null, ops: [{ op: 'picks', count: 3, duration: 1 }, { op: 'remove', which: 0 }, { op: 'picks', count: 2, duration: 1 }] };
  const answering = (fail: (c: Call) => Reply | null) => (c: Call): Reply => fail(c) ?? (c.op === 'pick' ? { ok: true, backend: 'b2' } : { ok: true });

  it('turns a timeout into call-returns, naming the call, after the three picks before it', () => {
    const out = driveSync(scenario, base, meta, answering((c) => (c.op === 'membership' ? { ok: false, timeout: true } : null)));
    expect(out.incident).toMatchObject({ property: 'call-returns', call: 'membership change (remove b1)' });
    expect(out.steps).toEqual(['3 picks']);
  });

  it('turns an exception into no-crash, and a refused pick while 1 backend remains into no-crash too', () => {
    expect(driveSync(scenario, base, meta, answering((c) => (c.op === 'pick' ? { ok: false, error: 'TypeError: x' } : null))).incident)
      .toMatchObject({ property: 'no-crash', message: 'pick r0 (key k0) threw: TypeError: x' });
    expect(driveSync(scenario, base, meta, answering((c) => (c.op === 'pick' && c.request === 'r3' ? { ok: false, rejected: 'busy' } : null))).incident)
      .toMatchObject({ property: 'no-crash', message: 'pick r3 refused (busy) with 1 backend(s) to pick from' });
  });

  it('accepts a refused pick when no backend is left (2 refused)', () => {
    const empty: Scenario = { ...scenario, backends: [{ id: 'b1', weight: 1 }], ops: [{ op: 'remove', which: 0 }, { op: 'picks', count: 2, duration: 1 }] };
    const out = driveSync(empty, base, meta, answering((c) => (c.op === 'pick' ? { ok: false, rejected: 'no backend' } : null)));
    expect(out.incident).toBeNull();
    expect(out.rejectedPicks).toBe(2);
  });
});

describe('generated scenarios stay inside the capabilities', () => {
  const fixed: Capabilities = { ...base, policy: 'random', membership: 'none', weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: false };
  test.prop([scenarioArbitrary(fixed)], { seed: 5, numRuns: 200 })('a fixed-membership, unweighted library gets only picks and waits, every weight 1', (s) => {
    expect(s.ops.every((o) => o.op === 'picks' || o.op === 'wait')).toBe(true);
    expect(s.backends.every((b) => b.weight === 1)).toBe(true);
    expect(s.backends.length).toBeGreaterThanOrEqual(1);
    expect(s.backends.length).toBeLessThanOrEqual(64);
  });

  const jump: Capabilities = { ...base, policy: 'consistent-hash', membership: 'append-or-remove-last', weights: 'none', zeroWeight: false, reweight: false, completions: false };
  test.prop([scenarioArbitrary(jump)], { seed: 6, numRuns: 100 })('an append-or-remove-last library only ever loses its last backend', (s) => {
    let current = s.backends.map((b) => b.id);
    const out = driveSync(s, jump, meta, (c) => (c.op === 'pick' ? (current.length ? { ok: true, backend: current[0] } : { ok: false, rejected: 'none' }) : { ok: true }));
    for (const l of out.lines) {
      if (!('kind' in l) || l.kind !== 'membership') continue;
      const next = l.backends.map((b) => b.id);
      if (next.length < current.length) expect(next).toEqual(current.slice(0, -1));
      else expect(next.slice(0, current.length)).toEqual(current);
      current = next;
    }
  });

  it('weights include 0, fractions and values of 10^9 and above, and restarts appear only for hash policies', () => {
    const weights = new Set(fc.sample(scenarioArbitrary(base), { seed: 9, numRuns: 300 }).flatMap((s) => s.backends.map((b) => b.weight)));
    expect(weights.has(0)).toBe(true);
    expect([...weights].some((w) => w > 0 && w < 1)).toBe(true);
    expect([...weights].some((w) => w >= 1e9)).toBe(true);
    expect(fc.sample(scenarioArbitrary(base), { seed: 9, numRuns: 300 }).some((s) => s.ops.some((o) => o.op === 'restart'))).toBe(false);
    expect(fc.sample(scenarioArbitrary({ ...base, policy: 'hash' }), { seed: 9, numRuns: 300 }).some((s) => s.ops.some((o) => o.op === 'restart' && o.process))).toBe(true);
  });
});
