/** Learner liveness on hand-written traces and on the simulated latest-only learner. */
import { describe, expect, it } from 'vitest';
import { runPaxos } from '../../../src/impl/paxos-article/sim.ts';
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';

const header = (decideWithin?: { ms?: number; events?: number }): TraceHeader => ({
  type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'test' },
  config: { acceptors: ['a1', 'a2', 'a3'], proposers: ['p1'], learners: ['l1'], values: ['x', 'y'], ...(decideWithin ? { decideWithin } : {}) },
});

function trace() {
  const events: TraceEvent[] = [];
  const add = (e: Record<string, unknown>) => { events.push({ seq: events.length + 1, ts: events.length * 10, ...e } as TraceEvent); };
  return {
    events, add,
    accepted: (a: string, ballot: number, value: string) => {
      add({ node: a, kind: 'send', to: ['p1', 'l1'], msg: { type: 'accepted', ballot, value } });
      add({ node: 'l1', kind: 'receive', from: a, msg: { type: 'accepted', ballot, value } });
    },
  };
}

const liveness = async (h: TraceHeader, events: TraceEvent[]) =>
  (await verifyRun({ header: h, events })).verdicts.find((v) => v.property === 'paxos.learner-liveness')!;

describe('paxos.learner-liveness', () => {
  it('fails when l1 received accepted(1, "x") from a quorum of 2 and never decided, pointing at the reception (line 5)', async () => {
    const t = trace();
    t.accepted('a1', 1, 'x'); t.accepted('a2', 1, 'x');
    const v = await liveness(header(), t.events);
    expect(v.status).toBe('fail');
    expect(v.class).toBe('liveness');
    expect(v.violations[0].line).toBe(5);
    expect(v.violations[0].message).toMatch(/l1 never decided, although it received accepted\(1, "x"\) from a1, a2/);
    expect(v.violations[0].window!.at(-1)!.line).toBe(5);
  });

  it('passes when l1 decides that value, and is skipped when no quorum ever reached it (0 obligations)', async () => {
    const t = trace();
    t.accepted('a1', 1, 'x');
    expect((await liveness(header(), t.events)).status).toBe('skip');
    t.accepted('a2', 1, 'x');
    t.add({ node: 'l1', kind: 'decide', value: 'x' });
    const v = await liveness(header(), t.events);
    expect(v.status).toBe('pass');
    expect(v.figures).toMatchObject({ obligations: 1, decidedInTime: 1 });
  });

  it('a quorum split across ballots (a1 at 1, a2 at 2) is no obligation', async () => {
    const t = trace();
    t.accepted('a1', 1, 'x'); t.accepted('a2', 2, 'x');
    expect((await liveness(header(), t.events)).status).toBe('skip');
  });

  it('with decideWithin {ms: 25}, a decision 30 ms after the quorum is late, within {ms: 35} it is not', async () => {
    const late = trace();
    late.accepted('a1', 1, 'x'); late.accepted('a2', 1, 'x'); // quorum at ts 30
    late.add({ node: 'p1', kind: 'propose', value: 'x' }); // ts 40
    late.add({ node: 'p1', kind: 'propose', value: 'x' }); // ts 50
    late.add({ node: 'l1', kind: 'decide', value: 'x' }); // ts 60: 30 ms after
    const v = await liveness(header({ ms: 25 }), late.events);
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/l1 decided "x" later than 25 ms after/);
    expect((await liveness(header({ ms: 35 }), late.events)).status).toBe('pass');
    expect((await liveness(header(), late.events)).status).toBe('pass');
  });

  it('with decideWithin {events: 0}, the decision must be the learner\'s next event: one more receive first fails', async () => {
    const t = trace();
    t.accepted('a1', 1, 'x'); t.accepted('a2', 1, 'x');
    const prompt = [...t.events];
    t.accepted('a3', 1, 'x'); // l1's next event is a receive, not its decision
    t.add({ node: 'l1', kind: 'decide', value: 'x' });
    const v = await liveness(header({ events: 0 }), t.events);
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/within 0 further event\(s\) of its own/);
    expect((await liveness(header({ events: 1 }), t.events)).status).toBe('pass');
    prompt.push({ seq: prompt.length + 1, node: 'a3', kind: 'send', to: ['l1'], msg: { type: 'accepted', ballot: 1, value: 'x' } } as TraceEvent);
    prompt.push({ seq: prompt.length + 1, node: 'l1', kind: 'decide', value: 'x' } as TraceEvent);
    expect((await liveness(header({ events: 0 }), prompt)).status).toBe('pass');
  });

  it('a crashed learner that never restarts owes nothing', async () => {
    const t = trace();
    t.accepted('a1', 1, 'x'); t.accepted('a2', 1, 'x');
    t.add({ node: 'l1', kind: 'crash' });
    expect((await liveness(header(), t.events)).status).toBe('pass');
  });

  it('catches the latest-only learner on seed 338 and on no correct run of seeds 1-30, with no safety failure', async () => {
    const bad = await verifyRun(runPaxos({ impl: 'correct', mutation: 'learner-keeps-latest-only', proposers: 3, retryRate: 0.1, seed: 338 }));
    expect(failing(bad)).toEqual(['paxos.learner-liveness']);
    for (let seed = 1; seed <= 30; seed++) {
      const good = await verifyRun(runPaxos({ impl: 'correct', proposers: 3, retryRate: 0.1, seed }));
      expect(failing(good)).toEqual([]);
    }
  });
});
