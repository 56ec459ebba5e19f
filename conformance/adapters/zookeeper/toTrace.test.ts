import { describe, expect } from 'vitest';
import { it, fc } from '@fast-check/vitest';
import { traceEvent } from '../../schema/trace.ts';
import type { Observation } from './observations.ts';
import { quorumFormedAt, tickingIntervals, toTraceEvents } from './toTrace.ts';

const servers = ['s1', 's2', 's3'];
const base = { servers, tickTime: 100, end: 1000 };

describe('observations to trace', () => {
  it('emits a role event only when (role, epoch) changes, and names the leader of the epoch seen later', () => {
    const observations: Observation[] = [
      { source: 'poll', ts: 100, node: 's1', mode: 'following', epoch: 1, zxid: 0 },
      { source: 'poll', ts: 150, node: 's1', mode: 'following', epoch: 1, zxid: 0 },
      { source: 'log', ts: 120, node: 's2', what: 'leading', epoch: 1, zxid: 1 << 30 },
      { source: 'poll', ts: 160, node: 's2', mode: 'leading', epoch: 1, zxid: 1 << 30 },
    ];
    const roles = toTraceEvents({ ...base, observations }).filter((e) => e.kind === 'role');
    expect(roles).toMatchObject([
      { ts: 100, node: 's1', role: 'following', epoch: 1, leader: 's2' },
      { ts: 120, node: 's2', role: 'leading', epoch: 1, leader: 's2' },
    ]);
  });

  it('resolves a follower giving up to the leader of its epoch, and re-reports roles after a restart', () => {
    const observations: Observation[] = [
      { source: 'poll', ts: 10, node: 's1', mode: 'leading', epoch: 1 },
      { source: 'poll', ts: 10, node: 's2', mode: 'following', epoch: 1 },
      { source: 'fault', ts: 200, node: 's1', what: 'crash' },
      { source: 'log', ts: 205, node: 's2', what: 'gave-up-leader' },
      { source: 'fault', ts: 400, node: 's1', what: 'restart' },
      { source: 'poll', ts: 500, node: 's1', mode: 'leading', epoch: 1 },
    ];
    const evs = toTraceEvents({ ...base, observations }).filter((e) => e.kind !== 'tick');
    expect(evs.map((e) => e.kind)).toEqual(['role', 'role', 'crash', 'suspect', 'restart', 'role']);
    expect(evs[3]).toMatchObject({ node: 's2', peer: 's1' });
  });

  it('a crashed or paused server does not tick', () => {
    const observations: Observation[] = [
      { source: 'fault', ts: 250, node: 's1', what: 'crash' },
      { source: 'fault', ts: 620, node: 's1', what: 'restart' },
      { source: 'fault', ts: 300, node: 's2', what: 'pause' },
    ];
    expect(tickingIntervals({ ...base, observations }).get('s1')).toEqual([[0, 250], [620, 1000]]);
    const ticks = toTraceEvents({ ...base, observations }).filter((e) => e.kind === 'tick');
    expect(ticks.filter((t) => t.node === 's1').map((t) => (t as { tick: number }).tick)).toEqual([1, 2, 7, 8, 9, 10]);
    expect(ticks.filter((t) => t.node === 's2').length).toBe(3);
  });

  it('measures when a new epoch first had a quorum', () => {
    const observations: Observation[] = [
      { source: 'log', ts: 300, node: 's2', what: 'leading', epoch: 2, zxid: 0 },
      { source: 'poll', ts: 340, node: 's3', mode: 'following', epoch: 2 },
    ];
    expect(quorumFormedAt(toTraceEvents({ ...base, observations }), 2)).toBe(340);
    expect(quorumFormedAt(toTraceEvents({ ...base, observations }), 3)).toBeNull();
  });

  const obs = fc.oneof(
    fc.record({ source: fc.constant('poll' as const), ts: fc.integer({ min: 0, max: 1000 }), node: fc.constantFrom(...servers), mode: fc.constantFrom('leading' as const, 'following' as const, 'looking' as const), epoch: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ source: fc.constant('fault' as const), ts: fc.integer({ min: 0, max: 1000 }), node: fc.constantFrom(...servers), what: fc.constantFrom('crash' as const, 'restart' as const, 'pause' as const, 'resume' as const) }),
    fc.record({ source: fc.constant('log' as const), ts: fc.integer({ min: 0, max: 1000 }), node: fc.constantFrom(...servers), what: fc.constant('gave-up-learner' as const), peer: fc.constantFrom(...servers) }),
  );
  it.prop([fc.array(obs, { maxLength: 40 })])('any observations give schema-valid events, numbered 1.., in time order', (observations) => {
    const evs = toTraceEvents({ ...base, observations: observations as Observation[] });
    evs.forEach((e, i) => {
      expect(traceEvent.safeParse(e).success).toBe(true);
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.ts! >= evs[i - 1].ts!).toBe(true);
    });
    const faults = observations.filter((o) => o.source === 'fault').length;
    expect(evs.filter((e) => ['crash', 'restart', 'pause', 'resume'].includes(e.kind)).length).toBe(faults);
  });
});
