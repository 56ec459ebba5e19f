import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import type { TraceEvent } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';
import { build, clusterHeader, scenarios, SYNC_LIMIT, type Scenario } from './scenarios.ts';

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
      // Delay 0: crash and suspicion in the same tick, one entry (two keys 4 would be one).
      const crash = (b: any) => b.fault('s2', 'crash');
      const suspect = (b: any) => b.suspect('s1', 's2');
      const at = delay === 0 ? { 4: (b: any) => { crash(b); suspect(b); } } : { 4: crash, [4 + delay]: suspect };
      const s = { name: 'p', breaks: [], ticks: 14, heartbeat: () => false, at };
      const { events } = build(s as never);
      const report = await verifyRun({ header: clusterHeader('p'), events });
      const fd = report.verdicts.find((v) => v.property === 'cluster.fd-completeness')!;
      expect(fd.status).toBe(delay <= SYNC_LIMIT + 1 ? 'pass' : 'fail');
    }), { numRuns: 30 });
  });

  it('fd-completeness: a suspicion with no fault before it has nothing to judge (skip, not pass)', async () => {
    // Found by the property above when a delay of 0 let the suspicion replace the crash.
    const s = { name: 'p', breaks: [], ticks: 14, heartbeat: () => false, at: { 4: (b: any) => b.suspect('s1', 's2') } };
    const report = await verifyRun({ header: clusterHeader('p'), events: build(s as never).events });
    const fd = report.verdicts.find((v) => v.property === 'cluster.fd-completeness')!;
    expect([fd.status, fd.note]).toEqual(['skip', 'nothing to judge: no follower crashed, paused or was cut off from a leader']);
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

  it('leader-liveness: a leader 7 ticks (syncLimit + 5) after the crash passes, 8 ticks fails', async () => {
    for (const [electAt, status] of [[12, 'pass'], [13, 'fail']] as const) {
      const s: Scenario = {
        name: 'p', breaks: [], ticks: 15, heartbeat: () => false,
        at: {
          5: (b) => b.fault('s1', 'crash'),
          6: (b) => { b.role('s2', 'looking', 1); b.role('s3', 'looking', 1); },
          [electAt]: (b) => { b.role('s2', 'leading', 2); b.role('s3', 'following', 2, 's2'); },
        },
      };
      const v = (await verifyRun(build(s))).verdicts.find((x) => x.property === 'cluster.leader-liveness')!;
      expect(v.class).toBe('liveness');
      expect([electAt, v.status]).toEqual([electAt, status]);
    }
  });

  it('leader-liveness: a header bound of 9 ticks lets the 8-tick election pass; two servers down make it inconclusive', async () => {
    const late: Scenario = {
      name: 'p', breaks: [], ticks: 15, heartbeat: () => false,
      at: { 5: (b) => b.fault('s1', 'crash'), 13: (b) => b.role('s2', 'leading', 2) },
    };
    const run = build(late);
    const h = run.header as Extract<typeof run.header, { protocol: 'cluster' }>;
    const lenient = { ...h, config: { ...h.config, leaderWithin: 9 } };
    expect((await verifyRun({ header: lenient, events: run.events })).verdicts.find((x) => x.property === 'cluster.leader-liveness')!.status).toBe('pass');
    const noQuorum: Scenario = { name: 'p', breaks: [], ticks: 15, heartbeat: () => false, at: { 5: (b) => { b.fault('s1', 'crash'); b.fault('s2', 'crash'); } } };
    const v = (await verifyRun(build(noQuorum))).verdicts.find((x) => x.property === 'cluster.leader-liveness')!;
    expect(v.status).toBe('skip');
    expect(v.figures.inconclusive).toBe(1);
  });

  it('leader-liveness: a paused leader that resumes still leads (the simulator counterexample pause s3 at 3 for 1 tick)', async () => {
    const s: Scenario = {
      name: 'p', breaks: [], ticks: 15, heartbeat: () => false,
      at: { 3: (b) => b.fault('s1', 'pause'), 4: (b) => b.fault('s1', 'resume') },
    };
    const v = (await verifyRun(build(s))).verdicts.find((x) => x.property === 'cluster.leader-liveness')!;
    expect(v.status).toBe('pass');
    expect(v.figures.windows).toBe(2);
  });

  it('leader-liveness: an old leader cut off in a minority serves no one; the majority must elect within the bound', async () => {
    const s: Scenario = {
      name: 'p', breaks: [], ticks: 16, heartbeat: () => false,
      at: { 4: (b) => b.partition([['s1'], ['s2', 's3', 'c1']]) },
    };
    const v = (await verifyRun(build(s))).verdicts.find((x) => x.property === 'cluster.leader-liveness')!;
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/no leader 8 ticks after the fault or recovery/);
  });

  it('a leader re-sending a ping and a follower re-acking (pong, ackEpoch twice) change no verdict', async () => {
    const base = build(scenarios.find((s) => s.name === 'follower-crash-and-return')!);
    const events: TraceEvent[] = [];
    for (const e of base.events) {
      events.push(e);
      if (e.kind === 'send' && e.msg.type === 'ping') {
        events.push({ ...e }); // resent
        events.push({ ...e, node: [e.to].flat()[0], to: e.node, msg: { type: 'pong', epoch: e.msg.epoch, zxid: 0 } });
        events.push({ ...e, node: [e.to].flat()[0], to: e.node, msg: { type: 'ackEpoch', epoch: e.msg.epoch, zxid: 0 } });
        events.push({ ...e, node: [e.to].flat()[0], to: e.node, msg: { type: 'ackEpoch', epoch: e.msg.epoch, zxid: 0 } });
      }
    }
    const renumbered = events.map((e, i) => ({ ...e, seq: i + 1 }) as TraceEvent);
    expect(renumbered.length).toBeGreaterThan(base.events.length + 40);
    expect(failing(await verifyRun({ header: base.header, events: renumbered }))).toEqual([]);
  });
});
