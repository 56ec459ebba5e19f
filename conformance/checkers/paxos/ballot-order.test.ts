/** Ballots written as (number, node id) pairs, under the header's ballotOrder. */
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { UserError } from '../../schema/user-error.ts';
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';
import { ballotOrder } from './ballot-order.ts';
import type { PaxosHeader } from './setup.ts';

const NODES = ['n1', 'n2', 'n3'];
const header = (ballotOrder?: 'lexicographic'): TraceHeader => ({
  type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'test' },
  config: { acceptors: NODES, proposers: NODES, learners: NODES, values: ['x', 'y'], ...(ballotOrder ? { ballotOrder } : {}) },
});

function trace() {
  const events: TraceEvent[] = [];
  const add = (e: Record<string, unknown>) => { events.push({ seq: events.length + 1, ...e } as TraceEvent); };
  const msg = (from: string, to: string[], m: Record<string, unknown>) => {
    add({ node: from, kind: 'send', to, msg: m });
    for (const t of to) add({ node: t, kind: 'receive', from, msg: m });
  };
  return { events, add, msg };
}

describe('ballot pairs under ballotOrder "lexicographic"', () => {
  it('maps (n, id) to integers in the same order as Python compares the tuples', () => {
    const order = ballotOrder(header('lexicographic') as PaxosHeader, 't.jsonl');
    fc.assert(fc.property(fc.nat(50), fc.constantFrom(...NODES), fc.nat(50), fc.constantFrom(...NODES), (a, i, b, j) => {
      const lex = a !== b ? Math.sign(a - b) : i === j ? 0 : i < j ? -1 : 1;
      expect(Math.sign(order.toModel([a, i], 2, 'msg.ballot') - order.toModel([b, j], 2, 'msg.ballot'))).toBe(lex);
      expect(order.show(order.toModel([a, i], 2, 'msg.ballot'))).toBe(JSON.stringify([a, i]));
    }));
  });

  it('a three-role node run with pair ballots and a re-promise passes every property', async () => {
    const t = trace();
    t.msg('n2', NODES, { type: 'prepare', ballot: [1, 'n2'] });
    for (const a of ['n1', 'n2']) t.msg(a, ['n2'], { type: 'promise', ballot: [1, 'n2'], acceptedBallot: null, acceptedValue: null });
    t.msg('n3', ['n2'], { type: 'nack', about: 'prepare', ballot: [1, 'n2'], promised: [1, 'n3'] });
    t.msg('n2', NODES, { type: 'accept', ballot: [1, 'n2'], value: 'x' });
    for (const a of ['n1', 'n2']) t.msg(a, NODES, { type: 'accepted', ballot: [1, 'n2'], value: 'x' });
    t.add({ node: 'n1', kind: 'duplicate', from: 'n2', msg: { type: 'prepare', ballot: [1, 'n2'] } });
    t.add({ node: 'n1', kind: 'receive', from: 'n2', msg: { type: 'prepare', ballot: [1, 'n2'] } });
    t.msg('n1', ['n2'], { type: 'promise', ballot: [1, 'n2'], acceptedBallot: [1, 'n2'], acceptedValue: 'x' });
    for (const n of ['n1', 'n2', 'n3']) t.add({ node: n, kind: 'decide', value: 'x' });
    t.add({ node: 'n1', kind: 'state', state: { maxBal: [1, 'n2'], internal: 'hidden' } });
    const report = await verifyRun({ header: header('lexicographic'), events: t.events });
    expect(failing(report)).toEqual([]);
    expect(report.verdicts.find((v) => v.property === 'paxos.learner-liveness')!.status).toBe('pass');
    expect(report.verdicts.find((v) => v.property === 'paxos.refinement')!.figures).toMatchObject({ repromises: 1, extraMessages: 1 });
    t.add({ node: 'n1', kind: 'state', state: { maxBal: [2, 'n2'] } });
    expect(failing(await verifyRun({ header: header('lexicographic'), events: t.events }))).toEqual(['paxos.refinement']);
  });

  it('promising (1, "n1") after (1, "n2") is below the promise: promise-monotonic fails; (1, "n3") does not', async () => {
    const run = (second: [number, string]) => {
      const t = trace();
      t.msg('n2', ['n1'], { type: 'prepare', ballot: [1, 'n2'] });
      t.msg('n1', ['n2'], { type: 'promise', ballot: [1, 'n2'], acceptedBallot: null, acceptedValue: null });
      t.msg(second[1], ['n1'], { type: 'prepare', ballot: second });
      t.msg('n1', [second[1]], { type: 'promise', ballot: second, acceptedBallot: null, acceptedValue: null });
      return verifyRun({ header: header('lexicographic'), events: t.events });
    };
    const below = await run([1, 'n1']);
    expect(failing(below)).toEqual(['paxos.promise-monotonic', 'paxos.refinement']);
    // Divergences show ballots as the trace wrote them.
    expect(below.verdicts.find((v) => v.property === 'paxos.refinement')!.violations[0].message).toContain('"ballot":[1,"n1"]');
    expect(failing(await run([1, 'n3']))).toEqual([]);
  });

  it('a pair without ballotOrder, an integer with it, and an undeclared id are user errors naming line and field', async () => {
    const t = trace();
    t.msg('n2', ['n1'], { type: 'prepare', ballot: [1, 'n2'] });
    await expect(verifyRun({ header: header(), events: t.events })).rejects.toThrow(UserError);
    await expect(verifyRun({ header: header(), events: t.events })).rejects.toMatchObject({ where: { line: 2, field: 'msg.ballot' } });
    const ints = trace();
    ints.msg('n2', ['n1'], { type: 'prepare', ballot: 4 });
    await expect(verifyRun({ header: header('lexicographic'), events: ints.events })).rejects.toMatchObject({ where: { line: 2, field: 'msg.ballot' } });
    const stranger = trace();
    stranger.msg('n2', ['n1'], { type: 'prepare', ballot: [1, 'zz'] });
    await expect(verifyRun({ header: header('lexicographic'), events: stranger.events })).rejects.toMatchObject({ where: { line: 2, field: 'msg.ballot.1' } });
  });
});
