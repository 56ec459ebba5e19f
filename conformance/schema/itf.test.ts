import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UserError } from './user-error.ts';
import { validTrace } from './arbitraries.ts';
import { ITF_EPILOGUE, fromItf, itfPrologue, itfState } from './itf.ts';

const toItfText = (t: { header: Parameters<typeof itfPrologue>[0]; events: Parameters<typeof itfState>[0][] }) =>
  `${itfPrologue(t.header)}${t.events.map((e, i) => `${i ? ',' : ''}${itfState(e, i)}`).join('')}${ITF_EPILOGUE}`;

describe('ITF', () => {
  it('round-trips every valid trace through export and import', () => {
    fc.assert(fc.property(validTrace, (t) => {
      const doc = JSON.parse(toItfText(t));
      expect(doc.vars).toEqual(['event']);
      expect(doc.states[0]['#meta']).toEqual({ index: 0 });
      const back = fromItf(doc, 't.itf.json');
      expect(back.events).toEqual(t.events);
      expect(back.header).toEqual(t.header);
    }), { numRuns: 300 });
  });

  it('encodes integers as #bigint and null as the None variant', () => {
    const doc = JSON.parse(toItfText({
      header: { type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'x' }, config: { acceptors: ['a1'], proposers: ['p1'], learners: [], values: ['v'] } },
      events: [{ seq: 1, node: 'a1', kind: 'send', to: 'p1', msg: { type: 'promise', ballot: 2, acceptedBallot: null, acceptedValue: null } }],
    }));
    expect(doc.states[0].event.seq).toEqual({ '#bigint': '1' });
    expect(doc.states[0].event.msg.acceptedBallot).toEqual({ tag: 'None', value: { '#tup': [] } });
  });

  it('names the state and field of a bad event', () => {
    fc.assert(fc.property(validTrace, fc.nat(), (t, at) => {
      const doc = JSON.parse(toItfText(t));
      const i = at % t.events.length;
      doc.states[i].event.seq = { '#bigint': 'twelve' };
      try {
        fromItf(doc, 'bad.itf.json');
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as UserError).where.field).toBe(`states.${i}.event.seq`);
      }
    }), { numRuns: 200 });
    expect(() => fromItf({ vars: [], states: [] }, 'x')).toThrow(/no coordkit header/);
    expect(() => fromItf([], 'x')).toThrow(UserError);
  });
});
