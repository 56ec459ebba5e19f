/**
 * Paxos refinement accepts every behaviour the specification allows (resends, re-promises,
 * any allowed Phase2a value, extra messages, nodes with several roles, partly observable
 * state) and lists every divergence, classified, when the trace leaves the allowed ones.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';

type Config = Extract<TraceHeader, { protocol: 'paxos' }>['config'];
const header = (config: Partial<Config> = {}): TraceHeader => ({
  type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'test' },
  config: { acceptors: ['a1', 'a2', 'a3'], proposers: ['p1', 'p2'], learners: ['l1'], values: ['x', 'y'], ...config },
});

/** A trace builder in which every message is logged as sent and as received. */
function trace(acceptors = ['a1', 'a2', 'a3'], learners = ['l1']) {
  const events: TraceEvent[] = [];
  const add = (e: Record<string, unknown>) => { events.push({ seq: events.length + 1, ...e } as TraceEvent); };
  const msg = (from: string, to: string[], m: Record<string, unknown>) => {
    add({ node: from, kind: 'send', to, msg: m });
    for (const t of to) add({ node: t, kind: 'receive', from, msg: m });
  };
  return {
    events, add, msg,
    prepare: (p: string, b: number, to = acceptors) => msg(p, to, { type: 'prepare', ballot: b }),
    promise: (a: string, p: string, b: number, ab: number | null = null, av: string | null = null) =>
      msg(a, [p], { type: 'promise', ballot: b, acceptedBallot: ab, acceptedValue: av }),
    accept: (p: string, b: number, v: string, to = acceptors) => msg(p, to, { type: 'accept', ballot: b, value: v }),
    accepted: (a: string, p: string, b: number, v: string) => msg(a, [p, ...learners], { type: 'accepted', ballot: b, value: v }),
  };
}

const refinement = async (h: TraceHeader, events: TraceEvent[]) =>
  (await verifyRun({ header: h, events })).verdicts.find((v) => v.property === 'paxos.refinement')!;

describe('paxos refinement: behaviours the protocol allows', () => {
  it('a duplicated prepare answered by the same promise again is a re-promise, and a resent accept a stutter', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1);
    t.msg('p1', ['a1'], { type: 'prepare', ballot: 1 }); // the network duplicated it
    t.promise('a1', 'p1', 1); // answered again
    t.promise('a2', 'p1', 1);
    t.accept('p1', 1, 'x');
    t.accept('p1', 1, 'x', ['a2']); // resent
    const report = await verifyRun({ header: header(), events: t.events });
    expect(failing(report)).toEqual([]);
    const v = report.verdicts.find((x) => x.property === 'paxos.refinement')!;
    expect(v.figures).toMatchObject({ repromises: 1, stutters: 1 });
  });

  it('a re-promise for ballot 1 after accepting in it reports the accepted vote and breaks nothing', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1); t.promise('a2', 'p1', 1);
    t.accept('p1', 1, 'x'); t.accepted('a1', 'p1', 1, 'x');
    t.msg('p1', ['a1'], { type: 'prepare', ballot: 1 });
    t.promise('a1', 'p1', 1, 1, 'x');
    t.accepted('a2', 'p1', 1, 'x');
    t.add({ node: 'l1', kind: 'decide', value: 'x' });
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
  });

  it('recipients do not matter (Paxos.tla messages have none): accepted sent to p2 as well passes', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1); t.promise('a2', 'p1', 1);
    t.accept('p1', 1, 'x');
    t.msg('a1', ['p1', 'p2', 'l1'], { type: 'accepted', ballot: 1, value: 'x' });
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
  });

  it('a promise BELOW the promised ballot fails promise-monotonic (safety) and refinement (Phase1b)', async () => {
    const t = trace();
    t.prepare('p2', 2); t.promise('a1', 'p2', 2);
    t.prepare('p1', 1); t.promise('a1', 'p1', 1);
    const report = await verifyRun({ header: header(), events: t.events });
    expect(failing(report)).toEqual(['paxos.promise-monotonic', 'paxos.refinement']);
    expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.violations[0].message).toMatch(/^Phase1b: /);
  });

  it('Phase2a: a proposer may wait for a third promise and take the highest vote among all three', async () => {
    const t = trace();
    t.prepare('p1', 1, ['a1', 'a2']); t.promise('a1', 'p1', 1); t.promise('a2', 'p1', 1);
    t.accept('p1', 1, 'x', ['a2']); t.accepted('a2', 'p1', 1, 'x');
    t.prepare('p2', 2, ['a1', 'a3']); t.promise('a1', 'p2', 2); t.promise('a3', 'p2', 2);
    t.accept('p2', 2, 'y', ['a3']); t.accepted('a3', 'p2', 2, 'y');
    t.prepare('p2', 3);
    t.promise('a1', 'p2', 3); t.promise('a2', 'p2', 3, 1, 'x'); // {a1, a2} alone would force x
    t.promise('a3', 'p2', 3, 2, 'y');
    const upTo = [...t.events];
    t.accept('p2', 3, 'y');
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
    const withX = trace(); withX.events.push(...upTo);
    withX.accept('p2', 3, 'x'); // {a1, a2} allows it too
    expect(failing(await verifyRun({ header: header(), events: withX.events }))).toEqual([]);
  });

  it('Phase2a: when free, a proposer may propose a different allowed value in each round, but not an unknown one', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1); t.promise('a2', 'p1', 1);
    t.accept('p1', 1, 'x', ['a3']); // lost on the way to a1 and a2
    t.prepare('p1', 3, ['a1', 'a2']); t.promise('a1', 'p1', 3); t.promise('a2', 'p1', 3);
    const free = [...t.events];
    t.accept('p1', 3, 'y', ['a1', 'a2']);
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
    const other = trace(); other.events.push(...free);
    other.accept('p1', 3, 'z', ['a1', 'a2']);
    const report = await verifyRun({ header: header(), events: other.events });
    expect(failing(report)).toEqual(['paxos.accept-value', 'paxos.refinement']);
    expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.violations[0].message).toMatch(/^Phase2a: /);
  });

  it('nack and other messages carry no obligation: listed (2), never failing anything', async () => {
    const t = trace();
    t.prepare('p2', 2); t.promise('a1', 'p2', 2);
    t.prepare('p1', 1, ['a1']);
    t.msg('a1', ['p1'], { type: 'nack', about: 'prepare', ballot: 1, promised: 2 });
    t.msg('p1', ['a2'], { type: 'other', name: 'heartbeat', obligation: 'none', body: { n: 1 } });
    const report = await verifyRun({ header: header(), events: t.events });
    expect(failing(report)).toEqual([]);
    expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.figures.extraMessages).toBe(2);
  });

  it('a node that is proposer, acceptor and learner is replayed as three actors', async () => {
    const nodes = ['n1', 'n2', 'n3'];
    const h = header({ acceptors: nodes, proposers: nodes, learners: nodes });
    const t = trace(nodes, nodes);
    t.prepare('n1', 1); t.promise('n1', 'n1', 1); t.promise('n2', 'n1', 1);
    t.accept('n1', 1, 'x'); t.accepted('n1', 'n1', 1, 'x'); t.accepted('n2', 'n1', 1, 'x');
    for (const n of nodes) t.add({ node: n, kind: 'decide', value: 'x' });
    const report = await verifyRun({ header: h, events: t.events });
    expect(failing(report)).toEqual([]);
    expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.status).toBe('pass');
    // A decision without a quorum is caught on the learner actor of n3.
    const early = trace(nodes, nodes);
    early.prepare('n1', 1); early.promise('n1', 'n1', 1); early.promise('n2', 'n1', 1);
    early.accept('n1', 1, 'x'); early.accepted('n1', 'n1', 1, 'x');
    early.add({ node: 'n3', kind: 'decide', value: 'x' });
    const bad = await refinement(h, early.events);
    expect(bad.status).toBe('fail');
    expect(bad.violations[0].message).toMatch(/^Learn: /);
  });

  it('lists every divergence, classified (2: Phase2a and Learn), not just the first', async () => {
    const t = trace();
    t.prepare('p2', 0); t.promise('a1', 'p2', 0); t.promise('a2', 'p2', 0);
    t.accept('p2', 0, 'y', ['a1', 'a2']);
    t.msg('a1', ['p2'], { type: 'accepted', ballot: 0, value: 'y' });
    t.msg('a2', ['p2'], { type: 'accepted', ballot: 0, value: 'y' });
    t.prepare('p1', 1); t.promise('a1', 'p1', 1, 0, 'y'); t.promise('a2', 'p1', 1, 0, 'y');
    t.accept('p1', 1, 'x', []); // must be y
    t.add({ node: 'l1', kind: 'decide', value: 'x' }); // l1 heard of no acceptance
    const v = await refinement(header(), t.events);
    expect(v.violations.map((x) => x.message.split(':')[0])).toEqual(['Phase2a', 'Learn']);
    expect(v.figures.divergences).toBe('Phase2a=1,Learn=1');
  });

  it('state events are compared on the fields they show only', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1);
    t.add({ node: 'a1', kind: 'state', state: { maxBal: 1, internalTable: { anything: true } } });
    t.add({ node: 'a1', kind: 'state', state: { maxVBal: null } });
    expect((await refinement(header(), t.events)).status).toBe('pass');
    t.add({ node: 'a1', kind: 'state', state: { maxBal: 2 } });
    const v = await refinement(header(), t.events);
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/^State: .*maxBal/);
  });
});

describe('refinement with more quorums than the models can enumerate', () => {
  /** p1 prepares ballot 1 at 40 acceptors, hears `promises` of them, and sends accept. */
  const fortyAcceptors = (promises: number) => {
    const acceptors = Array.from({ length: 40 }, (_, i) => `a${i + 1}`);
    const t = trace(acceptors, []);
    t.prepare('p1', 1);
    for (const a of acceptors.slice(0, promises)) t.promise(a, 'p1', 1);
    t.accept('p1', 1, 'x');
    return verifyRun({ header: header({ acceptors, learners: [] }), events: t.events });
  };

  it('40 acceptors and no quorums in the header: refinement skips, saying why, and the streaming checkers still judge (before: out of memory)', async () => {
    const r = await fortyAcceptors(21);
    const verdict = (p: string) => r.verdicts.find((v) => v.property === p);
    expect(verdict('paxos.refinement')).toMatchObject({ status: 'skip', note: expect.stringMatching(/^40 acceptors have 1\.31e\+11 majority quorums: too many/) });
    expect(verdict('paxos.accept-after-quorum')?.status).toBe('pass');
  });

  it('an accept after 20 of the 40 promises is still caught (not a quorum)', async () => {
    expect(failing(await fortyAcceptors(20))).toContain('paxos.accept-after-quorum');
  });
});
