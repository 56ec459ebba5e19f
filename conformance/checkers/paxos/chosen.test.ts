/**
 * Paxos.tla's notion of "chosen" in the checkers, on hand-written traces without learners
 * (as the explorer's Paxos.tla counterexamples are), and proposers that read promises from
 * the message set instead of receiving them.
 */
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';
import { ChosenTracker } from './chosen.ts';
import { paxosSetup } from './setup.ts';

const header = (config: Partial<Extract<TraceHeader, { protocol: 'paxos' }>['config']> = {}): TraceHeader => ({
  type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'test' },
  config: { acceptors: ['a1', 'a2', 'a3'], proposers: ['p0', 'p1'], learners: [], values: ['v1', 'v2'], ...config },
});

/** Builds events with increasing seq numbers. */
function trace() {
  const events: TraceEvent[] = [];
  const add = (e: Record<string, unknown>) => { events.push({ seq: events.length + 1, ...e } as TraceEvent); };
  return {
    events,
    prepare: (p: string, ballot: number) => add({ node: p, kind: 'send', to: ['a1', 'a2', 'a3'], msg: { type: 'prepare', ballot } }),
    promise: (a: string, p: string, ballot: number, ab: number | null = null, av: string | null = null) => {
      add({ node: a, kind: 'receive', from: p, msg: { type: 'prepare', ballot } });
      add({ node: a, kind: 'send', to: [p], msg: { type: 'promise', ballot, acceptedBallot: ab, acceptedValue: av } });
      add({ node: a, kind: 'state', state: { state: 'serving', maxBal: ballot } });
    },
    receivePromise: (p: string, a: string, ballot: number, ab: number | null = null, av: string | null = null) =>
      add({ node: p, kind: 'receive', from: a, msg: { type: 'promise', ballot, acceptedBallot: ab, acceptedValue: av } }),
    accept: (p: string, ballot: number, value: string) => add({ node: p, kind: 'send', to: ['a1', 'a2', 'a3'], msg: { type: 'accept', ballot, value } }),
    accepted: (a: string, p: string, ballot: number, value: string) => {
      add({ node: a, kind: 'receive', from: p, msg: { type: 'accept', ballot, value } });
      add({ node: a, kind: 'send', to: [p], msg: { type: 'accepted', ballot, value } });
    },
    add,
  };
}

const verdict = async (h: TraceHeader, events: TraceEvent[], property: string) =>
  (await verifyRun({ header: h, events })).verdicts.find((v) => v.property === property)!;

describe('agreement over chosen values', () => {
  it('fails when two values are each accepted by a quorum, with no decision anywhere', async () => {
    const t = trace();
    t.prepare('p0', 0); t.promise('a1', 'p0', 0); t.promise('a2', 'p0', 0);
    t.accept('p0', 0, 'v1'); t.accepted('a1', 'p0', 0, 'v1'); t.accepted('a2', 'p0', 0, 'v1');
    // p1 hears only from a3, which accepted nothing: a broken proposer picks its own value.
    t.prepare('p1', 1); t.promise('a3', 'p1', 1); t.promise('a1', 'p1', 1, 0, 'v1');
    t.accept('p1', 1, 'v2'); t.accepted('a3', 'p1', 1, 'v2');
    const before = await verdict(header(), t.events, 'paxos.agreement');
    expect(before.status).toBe('pass'); // v2 is accepted by a3 alone: not chosen
    t.accepted('a1', 'p1', 1, 'v2');
    const after = await verdict(header(), t.events, 'paxos.agreement');
    expect(after.status).toBe('fail');
    expect(after.violations).toHaveLength(1);
    expect(after.violations[0].line).toBe(t.events.length + 1);
    expect(after.violations[0].message).toMatch(/a1, a3 accepted "v2" in ballot 1.*a1, a2 accepted "v1" in ballot 0/);
    expect(after.figures.chosen).toBe('v1,v2');
  });

  it('uses the header quorums when given, majorities otherwise', async () => {
    const t = trace();
    t.accepted('a1', 'p0', 0, 'v1');
    t.accepted('a2', 'p1', 1, 'v2');
    // Majorities: neither value is chosen, so agreement has nothing to judge.
    expect((await verdict(header(), t.events, 'paxos.agreement')).status).toBe('skip');
    // Every single acceptor is a quorum: both are.
    const singletons = header({ quorums: [['a1'], ['a2'], ['a3']] });
    expect((await verdict(singletons, t.events, 'paxos.agreement')).status).toBe('fail');
  });

  it('fails when a decision contradicts a chosen value, and still when only decisions conflict', async () => {
    const t = trace();
    t.accepted('a1', 'p0', 0, 'v1'); t.accepted('a2', 'p0', 0, 'v1');
    t.add({ node: 'p1', kind: 'decide', value: 'v2' });
    expect((await verdict(header(), t.events, 'paxos.agreement')).violations[0].message).toMatch(/p1 decided "v2", but acceptors a1, a2 accepted "v1"/);
    const d = trace();
    d.add({ node: 'p0', kind: 'decide', value: 'v1' });
    d.add({ node: 'p1', kind: 'decide', value: 'v2' });
    expect((await verdict(header(), d.events, 'paxos.agreement')).status).toBe('fail');
  });

  it('a value accepted in several ballots is one chosen value', async () => {
    const t = trace();
    for (const b of [0, 1, 2]) for (const a of ['a1', 'a2', 'a3']) t.accepted(a, `p${b % 2}`, b, 'v1');
    const v = await verdict(header(), t.events, 'paxos.agreement');
    expect(v.status).toBe('pass');
    expect(v.figures.chosen).toBe('v1');
  });

  it('tracks chosen values exactly as a direct count of quorums per (ballot, value) does', () => {
    const setup = paxosSetup(header() as Extract<TraceHeader, { protocol: 'paxos' }>);
    const acceptance = fc.record({ a: fc.constantFrom('a1', 'a2', 'a3', 'p0'), b: fc.nat(3), v: fc.constantFrom('v1', 'v2', 1, '1') });
    fc.assert(fc.property(fc.array(acceptance, { maxLength: 30 }), (list) => {
      const tracker = new ChosenTracker(setup);
      list.forEach(({ a, b, v }, i) => tracker.observe({ seq: i + 1, node: a, kind: 'send', to: ['p0'], msg: { type: 'accepted', ballot: b, value: v } }, i + 2));
      const expected = new Set<string>();
      for (const { b, v } of list) {
        const who = new Set(list.filter((x) => x.b === b && x.v === v && x.a !== 'p0').map((x) => x.a));
        if (who.size >= 2) expected.add(`${typeof v} ${v}`);
      }
      expect(new Set(tracker.values.keys())).toEqual(expected);
    }));
  });
});

describe('validity over chosen values', () => {
  it('fails when a value outside the header is chosen, though nobody decides it', async () => {
    const t = trace();
    t.accepted('a1', 'p0', 0, 'v1'); t.accepted('a2', 'p0', 0, 'v1');
    expect((await verdict(header(), t.events, 'paxos.validity')).status).toBe('pass');
    t.accepted('a1', 'p1', 1, 'v9'); t.accepted('a3', 'p1', 1, 'v9');
    const v = await verdict(header(), t.events, 'paxos.validity');
    expect(v.status).toBe('fail');
    expect(v.violations[0].message).toMatch(/a1, a3 chose \(ballot 1\) "v9"/);
  });
});

describe('proposers reading promises from the message set (Paxos.tla)', () => {
  /** p0 prepares and its promises are sent, but it logs no receive. */
  const setRead = (value = 'v1') => {
    const t = trace();
    t.prepare('p0', 0); t.promise('a1', 'p0', 0); t.promise('a2', 'p0', 0);
    t.accept('p0', 0, value);
    t.accepted('a1', 'p0', 0, value);
    return t;
  };

  it('passes every property when a quorum sent promises for the ballot', async () => {
    expect(failing(await verifyRun({ header: header(), events: setRead().events }))).toEqual([]);
  });

  it('fails accept-after-quorum and refinement when only a minority sent promises', async () => {
    const t = trace();
    t.prepare('p0', 0); t.promise('a1', 'p0', 0);
    t.accept('p0', 0, 'v1');
    const report = await verifyRun({ header: header(), events: t.events });
    expect(failing(report).sort()).toEqual(['paxos.accept-after-quorum', 'paxos.refinement']);
    expect(report.verdicts.find((v) => v.property === 'paxos.accept-after-quorum')!.violations[0].message).toMatch(/promises sent from a1 only, not a quorum/);
  });

  it('judges the value on the promises sent: a reported accepted value forces it', async () => {
    const t = trace();
    t.prepare('p1', 1); t.promise('a1', 'p1', 1, 0, 'v2'); t.promise('a2', 'p1', 1, 0, 'v2');
    t.accept('p1', 1, 'v1');
    expect(failing(await verifyRun({ header: header(), events: t.events })).sort()).toEqual(['paxos.accept-value', 'paxos.refinement']);
  });

  it('once the proposer is seen receiving, its earlier accept had no promise behind it', async () => {
    const t = setRead();
    t.receivePromise('p0', 'a1', 0);
    const report = await verifyRun({ header: header(), events: t.events });
    expect(failing(report).sort()).toEqual(['paxos.accept-after-quorum', 'paxos.refinement']);
    const v = report.verdicts.find((x) => x.property === 'paxos.accept-after-quorum')!;
    const acceptLine = t.events.findIndex((e) => e.kind === 'send' && e.msg.type === 'accept') + 2;
    expect(v.violations[0].line).toBe(acceptLine);
    expect(v.violations[0].message).toMatch(/before receiving any promise/);
  });

  it('a proposer that receives is judged on what it received, not on what was sent', async () => {
    const t = trace();
    t.prepare('p0', 0); t.promise('a1', 'p0', 0); t.promise('a2', 'p0', 0);
    t.receivePromise('p0', 'a1', 0);
    t.accept('p0', 0, 'v1');
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toContain('paxos.accept-after-quorum');
    t.events.pop();
    t.receivePromise('p0', 'a2', 0);
    t.accept('p0', 0, 'v1');
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
  });

  it('two values in one ballot break accept-value, a broadcast logged per recipient does not', async () => {
    const t = trace();
    t.prepare('p0', 0); t.promise('a1', 'p0', 0); t.promise('a2', 'p0', 0);
    for (const a of ['a1', 'a2']) t.add({ node: 'p0', kind: 'send', to: a, msg: { type: 'accept', ballot: 0, value: 'v1' } });
    expect(failing(await verifyRun({ header: header(), events: t.events }))).toEqual([]);
    t.add({ node: 'p0', kind: 'send', to: 'a3', msg: { type: 'accept', ballot: 0, value: 'v2' } });
    expect(failing(await verifyRun({ header: header(), events: t.events })).sort()).toEqual(['paxos.accept-value', 'paxos.refinement']);
  });
});
