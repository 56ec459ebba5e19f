/** Tests of coordkit's typed ITF export and its import: round trip, one type per variable, integer-only numbers. */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { paxosHeader, validTrace } from '../schema/arbitraries.ts';
import { traceHeader } from '../schema/header.ts';
import type { TraceEvent, TraceHeader } from '../schema/trace.ts';
import { UserError } from '../schema/user-error.ts';
import { ITF_EPILOGUE, fromItf, itfPrologue, itfState, valueTypeOf } from './itf-events.ts';
import { expectUserError } from './testing/expect-user-error.ts';

const toText = (t: { header: TraceHeader; events: TraceEvent[] }) =>
  `${itfPrologue(t.header)}${t.events.map((e, i) => `${i ? ',' : ''}\n${itfState(e, i, valueTypeOf(t.header))}`).join('')}\n${ITF_EPILOGUE}`;

/** The arbitraries mix string and integer values; an ITF trace has one value type (the header's: strings). */
const stringValues = (e: TraceEvent): TraceEvent => JSON.parse(JSON.stringify(e), function (k, v) {
  return (k === 'value' || k === 'acceptedValue') && typeof v === 'number' ? `n${v}` : v;
});
const trace = validTrace.map((t) => ({ header: t.header, events: t.events.map(stringValues) }));
/** What the typed form keeps: `to` always as a list. */
const normal = (e: TraceEvent) => (e.kind === 'send' && !Array.isArray(e.to) ? { ...e, to: [e.to] } : e);

function plainNumbers(v: unknown, path = ''): string[] {
  if (typeof v === 'number') return [path];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => plainNumbers(x, `${path}.${k}`));
}


describe('typed ITF export', () => {
  it('round-trips every valid trace (300 random traces)', () => {
    fc.assert(fc.property(trace, (t) => {
      const back = fromItf(JSON.parse(toText(t)), 't.itf.json');
      expect(back.events).toEqual(t.events.map(normal));
      expect(back.header).toEqual(t.header);
    }), { numRuns: 300, seed: 18 });
  });

  it('writes no plain JSON number in any state, and gives every event of a kind the same fields (300 traces)', () => {
    fc.assert(fc.property(trace, (t) => {
      const doc = JSON.parse(toText(t));
      const fields = new Map<string, string>();
      for (const s of doc.states) {
        expect(plainNumbers(s.event)).toEqual([]);
        const keys = Object.keys(s.event.value).sort().join(',');
        expect(fields.get(s.event.tag) ?? keys).toBe(keys);
        fields.set(s.event.tag, keys);
      }
    }), { numRuns: 300, seed: 18 });
  });

  it('declares #meta.varTypes and encodes ts 0.5 as the integer 500 (thousandths), read back as 0.5', () => {
    const t = { header: paxosHeader, events: [{ seq: 1, ts: 0.5, node: 'a1', kind: 'send', to: 'p1', msg: { type: 'promise', ballot: 2, acceptedBallot: null, acceptedValue: null } } as TraceEvent] };
    const doc = JSON.parse(toText(t));
    expect(doc['#meta'].varTypes.event).toMatch(/^send\(\{ seq: Int, ts: Some\(Int\) \| None\(UNIT\), node: Str, to: Seq\(Str\), msg: prepare\(/);
    expect(doc['#meta']['coordkit-fixed-point'].fields).toContain('send.ts');
    const e = doc.states[0].event;
    expect(e.tag).toBe('send');
    expect(e.value.ts).toEqual({ tag: 'Some', value: { '#bigint': '500' } });
    expect(e.value.to).toEqual(['p1']);
    expect(e.value.msg.value.acceptedBallot).toEqual({ tag: 'None', value: { '#tup': [] } });
    expect(e.value.id).toEqual({ tag: 'None', value: { '#tup': [] } });
    expect(fromItf(doc, 'x').events[0].ts).toBe(0.5);
  });

  it('gives integer-valued Paxos traces the value type Int, and refuses a header mixing strings and numbers', () => {
    const withValues = (values: (string | number)[]) => traceHeader('paxos', { acceptors: ['a1'], proposers: ['p1'], learners: [], values }, { name: 't' });
    expect(valueTypeOf(withValues([1, 2]))).toBe('Int');
    expect(() => valueTypeOf(withValues(['x', 2]))).toThrow(/mix strings and numbers/);
    const t = { header: paxosHeader, events: [{ seq: 1, node: 'p1', kind: 'propose', value: 3 } as TraceEvent] };
    expect(() => toText(t)).toThrow(/not of the trace's value type Str/);
  });
});

describe('deep free-form fields', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 5000; i++) deep = [deep];

  it('refuses to export a state event nested 5,000 levels deep (a user error, not a stack overflow)', () => {
    const e = { seq: 1, node: 'a1', kind: 'state', state: { x: deep } } as TraceEvent;
    expect(expectUserError(() => itfState(e, 0, 'Str')).message).toMatch(/nests deeper than 200 levels/);
  });

  it('refuses to import a state whose JSON text nests 5,000 levels deep', () => {
    const doc = JSON.parse(toText({ header: paxosHeader, events: [{ seq: 1, node: 'a1', kind: 'state', state: { x: 1 } } as TraceEvent] }));
    doc.states[0].event.value.state = `{"x":${'['.repeat(5000)}1${']'.repeat(5000)}}`;
    expect(expectUserError(() => fromItf(doc, 'd')).message).toMatch(/JSON text nested deeper than 200 levels/);
  });
});

describe('typed ITF import', () => {
  const t = { header: paxosHeader, events: [1, 2, 3].map((seq) => ({ seq, node: 'p1', kind: 'propose', value: 'x' }) as TraceEvent) };
  const text = toText(t);

  it('refuses {"#bigint": ""} and "0x10" in state 2, naming line 4 and the field', () => {
    for (const bad of ['', '0x10']) {
      const tampered = text.replace('"seq":{"#bigint":"3"}', `"seq":{"#bigint":"${bad}"}`);
      const err = expectUserError(() => fromItf(JSON.parse(tampered), 'bad.itf.json', undefined, tampered));
      expect(err.where).toEqual({ file: 'bad.itf.json', line: 4, field: 'states.2.event.value.seq.#bigint' });
    }
  });

  it('refuses an out-of-order seq and a missing Option field, with line and field', () => {
    const swapped = text.replace('"seq":{"#bigint":"3"}', '"seq":{"#bigint":"1"}');
    expect(expectUserError(() => fromItf(JSON.parse(swapped), 'b', undefined, swapped)).where.line).toBe(4);
    const doc = JSON.parse(text);
    delete doc.states[1].event.value.ts;
    expect(expectUserError(() => fromItf(doc, 'b')).message).toMatch(/missing field "ts"/);
  });

  it('accepts the variable under a qualified name (M::P::event)', () => {
    const qualified = text.replaceAll('"event"', '"M::P::event"');
    expect(fromItf(JSON.parse(qualified), 'q').events).toEqual(t.events);
  });

  it("points a spec's own trace (no coordkit header) at --mapping", () => {
    expect(expectUserError(() => fromItf({ vars: ['msgs'], states: [] }, 'x')).message).toMatch(/use --mapping/);
    expect(() => fromItf([], 'x')).toThrow(UserError);
  });
});
