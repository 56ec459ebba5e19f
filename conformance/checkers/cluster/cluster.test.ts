import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceEvent } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';
import { build, clusterHeader, scenarios, SYNC_LIMIT } from './scenarios.ts';

describe('cluster checkers', () => {
  for (const s of scenarios) {
    it(`${s.name}: breaks exactly [${s.breaks.join(', ')}]`, async () => {
      const report = await verifyRun(build(s));
      expect(failing(report)).toEqual(s.breaks.map((b) => `cluster.${b}`));
    });
  }

  it('reports the time to elect a leader after the last fault', async () => {
    const report = await verifyRun(build(scenarios.find((s) => s.name === 'leader-crash-reelection')!));
    const v = report.verdicts.find((x) => x.property === 'cluster.election-time')!;
    expect(v.figures).toMatchObject({ electionMs: 300, electionTicks: 3 });
  });

  it('fd-completeness: suspicion is due exactly syncLimit + 1 ticks after a crash', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: SYNC_LIMIT + 3 }), async (delay) => {
      const s = {
        name: 'p', breaks: [], ticks: 14, heartbeat: () => false,
        at: { 4: (b: any) => b.fault('s2', 'crash'), [4 + delay]: (b: any) => b.suspect('s1', 's2') },
      };
      const { events } = build(s as never);
      const report = await verifyRun({ header: clusterHeader('p'), events });
      const fd = report.verdicts.find((v) => v.property === 'cluster.fd-completeness')!;
      expect(fd.status).toBe(delay <= SYNC_LIMIT + 1 ? 'pass' : 'fail');
    }), { numRuns: 30 });
  });

  it('session-expiry: on time within one tick passes, earlier fails', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 6, max: 11 }), async (expireAt) => {
      const s = { name: 'p', breaks: [], ticks: 12, at: { [expireAt]: (b: any) => b.session('s1', 'c1', 'expire') } };
      const report = await verifyRun(build(s as never));
      const v = report.verdicts.find((x) => x.property === 'cluster.session-expiry')!;
      // last heartbeat at tick 4, timeout 6 ticks: due at tick 10, one tick of tolerance
      expect(v.status).toBe(expireAt >= 9 && expireAt <= 11 ? 'pass' : 'fail');
    }), { numRuns: 30 });
  });

  it('keeps a window of the events before a violation, ending at it', async () => {
    const report = await verifyRun(build(scenarios.find((s) => s.name === 'live-follower-suspected')!));
    const v = report.verdicts.find((x) => x.property === 'cluster.fd-accuracy')!;
    const w = v.violations[0].window!;
    expect(w.length).toBe(8);
    expect((w.at(-1)!.event as TraceEvent).kind).toBe('suspect');
    expect(w.at(-1)!.line).toBe(v.violations[0].line);
  });
});
