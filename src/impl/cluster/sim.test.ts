import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { failing, verifyRun } from '../../../conformance/checkers/test-support.ts';
import type { TraceEvent } from '../../../conformance/schema/trace.ts';
import { clusterMutants } from './mutants.ts';
import { invalidClusterSpec } from './nodes.ts';
import { simulate, standardSimPlan, type SimFault } from './sim.ts';

const roles = (events: TraceEvent[], role: string) => events.filter((e) => e.kind === 'role' && e.role === role) as Extract<TraceEvent, { kind: 'role' }>[];

describe('simulated cluster runs (synchronous rounds)', () => {
  it('the reference elects, re-elects in a higher epoch after losing its leader, detects failures and expires sessions; every checker passes', async () => {
    const run = simulate(standardSimPlan());
    expect(simulate(standardSimPlan())).toEqual(run);
    const leaders = roles(run.events, 'leading');
    expect(new Set(leaders.map((e) => e.epoch)).size).toBeGreaterThanOrEqual(2);
    expect(run.events.some((e) => e.kind === 'suspect')).toBe(true);
    const expired = run.events.filter((e) => e.kind === 'session' && e.action === 'expire') as Extract<TraceEvent, { kind: 'session' }>[];
    expect(expired.map((e) => e.session)).toContain('c1.dies');
    expect(expired.find((e) => e.session === 'c1.dies')!.ephemerals).toEqual(['/lock/a', '/lock/b']);
    expect(expired.map((e) => e.session)).not.toContain('c1.live');
    expect(run.events.some((e) => e.kind === 'session' && e.action === 'close' && e.session === 'c1.closes')).toBe(true);
    expect(failing(await verifyRun(run))).toEqual([]);
  });

  it('the partition cuts the leader off, so the run tests stepping down', () => {
    const run = simulate(standardSimPlan());
    const cut = run.events.find((e) => e.kind === 'partition')!;
    const leaderBefore = roles(run.events.filter((e) => e.seq < cut.seq), 'leading').at(-1)!;
    const alone = (cut as Extract<TraceEvent, { kind: 'partition' }>).groups.find((g) => g.includes(leaderBefore.node))!;
    expect(alone).toEqual([leaderBefore.node]);
    expect(run.events.some((e) => e.seq > cut.seq && e.node === leaderBefore.node && e.kind === 'role' && e.role === 'looking')).toBe(true);
  });

  it('a session that never expires is caught by the session checker', async () => {
    const m = clusterMutants.find((x) => x.name === 'session-never-expires')!;
    expect(failing(await verifyRun(simulate(standardSimPlan(m.variant))))).toContain('cluster.session-expiry');
  });

  it('the reference passes every checker under random fault schedules', async () => {
    const servers = ['s1', 's2', 's3'];
    const episode = fc.oneof(
      fc.record({ kind: fc.constantFrom('crash' as const, 'pause' as const), node: fc.constantFrom(...servers), at: fc.integer({ min: 3, max: 40 }), len: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('partition' as const), node: fc.constantFrom(...servers, 'c1'), at: fc.integer({ min: 3, max: 40 }), len: fc.integer({ min: 1, max: 12 }) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(episode, { maxLength: 3 }), async (episodes) => {
      // Episodes one after another, each undone before the next, as real runs schedule them.
      const faults: SimFault[] = [];
      let free = 0;
      for (const e of [...episodes].sort((a, b) => a.at - b.at)) {
        const at = Math.max(e.at, free);
        const end = at + e.len;
        if (e.kind === 'partition') {
          faults.push({ at, kind: 'partition', groups: [[...servers, 'c1'].filter((n) => n !== e.node), [e.node]] }, { at: end, kind: 'heal' });
        } else {
          faults.push({ at, kind: e.kind, node: e.node }, { at: end, kind: e.kind === 'crash' ? 'restart' : 'resume', node: e.node });
        }
        free = end + 1;
      }
      const run = simulate({ ...standardSimPlan(), faults, ticks: Math.max(60, free + 20) });
      expect(failing(await verifyRun(run))).toEqual([]);
    }), { numRuns: 40 });
  });
});

describe('node specs from JSON', () => {
  it('names the bad field', () => {
    expect(invalidClusterSpec(null)).toMatch(/object/);
    expect(invalidClusterSpec({ id: 's1', role: 'server', input: { self: 's2', servers: ['s1'], syncLimit: 1 } })).toMatch(/input.self/);
    expect(invalidClusterSpec({ id: 's1', role: 'server', input: { self: 's1', servers: ['s1'], syncLimit: 0 } })).toMatch(/syncLimit/);
    expect(invalidClusterSpec({ id: 's1', role: 'leader', input: {} })).toMatch(/role/);
    expect(invalidClusterSpec({ id: 's1', role: 'server', input: { self: 's1', servers: ['s1', 's2'], syncLimit: 2 } })).toBeNull();
  });
});
