import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { paxosHeader, prepare, promise } from './testing/fixture-trace.ts';
import { buildSequence, sequenceToMermaid, traceToMermaid } from './sequence.ts';
import { readSequence } from './testing/mermaid-node.ts';

const header = paxosHeader;

const trace: TraceEvent[] = [
  { seq: 1, node: 'p1', kind: 'send', to: ['a1', 'a2'], msg: prepare, id: 'm1' },
  { seq: 2, node: 'a1', kind: 'receive', from: 'p1', msg: prepare, id: 'm1' },
  { seq: 3, node: 'a1', kind: 'send', to: 'p1', msg: promise },
  { seq: 4, node: 'a2', kind: 'crash' },
  { seq: 5, node: 'p1', kind: 'receive', from: 'a1', msg: promise },
  { seq: 6, node: 'a2', kind: 'restart' },
  { seq: 7, node: 'p1', kind: 'decide', value: 'v1' },
];

const lassoHeader: TraceHeader = { ...header, description: 'model counterexample; lasso for decides: loop after seq 4: events seq 5..7 (3 steps) repeat forever' };

describe('lasso counterexamples', () => {
  it('the cycle (the events after the loop start) sits in a Mermaid loop block that ends with the labelled way back', async () => {
    const text = traceToMermaid(lassoHeader, trace);
    const parsed = await readSequence(text);
    // Message and note texts, and the loop block's opening and closing (rect blocks of fault tones left out).
    const shown = parsed.messages.filter((m) => !m.message.startsWith('rgb(')).map((m) => `${m.type}:${m.message}`);
    const open = shown.findIndex((m) => m.includes('↺ seq 5..7 repeat forever (3 steps)'));
    expect(open).toBeGreaterThan(0);
    expect(shown.slice(0, open).map((m) => m.replace(/^\d+:/, ''))).toEqual(expect.arrayContaining(['4. crash']));
    const inside = shown.slice(open + 1).map((m) => m.replace(/^\d+:/, ''));
    expect(inside.filter((m) => m !== '')).toEqual(['5. promise ballot=1 acceptedBallot=null acceptedValue=null', '6. restart', '7. decide v1', '↺ back to loop start (the state after seq 4): seq 5..7 repeat forever']);
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['    Note over p0,p2: #8634; back to loop start (the state after seq 4)#58; seq 5..7 repeat forever', '  end']);
    expect(buildSequence(lassoHeader, trace).loop).toEqual({ property: 'decides', startSeq: 4, endSeq: 7, cycleSteps: 3 });
  });

  it('a stuttering lasso says so after its last event; a trace without the note has no loop', async () => {
    const stutter = traceToMermaid({ ...header, description: 'lasso for decides: after event seq 7 the last state repeats forever (stuttering: no fair step enabled)' }, trace);
    expect(stutter).not.toContain('  loop ');
    const parsed = await readSequence(stutter);
    expect(parsed.messages.at(-1)!.message).toBe('↺ after seq 7 the last state repeats forever (stuttering: no fair step enabled)');
    expect(traceToMermaid(header, trace)).not.toMatch(/loop|↺/);
  });
});

describe('sequence diagrams', () => {
  it('pairs sends with receives (by id, else by content) and keeps undelivered ones', () => {
    const seq = buildSequence(header, trace);
    expect(seq.participants).toEqual(['p1', 'a1', 'a2']);
    const arrows = seq.items.filter((i) => i.kind === 'message');
    expect(arrows.map((a) => [a.from, a.to, a.seq, a.delivery])).toEqual([
      ['p1', 'a2', 1, 'undelivered'], // a2 crashed before receiving m1
      ['p1', 'a1', 2, 'delivered'], // drawn once, at the receive
      ['a1', 'p1', 5, 'delivered'], // no id: matched by sender, receiver and content
    ]);
    const notes = seq.items.filter((i) => i.kind === 'note');
    expect(notes.map((n) => [n.text, n.tone])).toEqual([['crash', 'fault'], ['restart', 'recovery'], ['decide v1', undefined]]);
  });

  it('pairs a receive that carries an id with a send that carries none (model counterexamples log ids on receives only)', () => {
    const events: TraceEvent[] = [
      { seq: 1, node: 'p1', kind: 'send', to: ['a1'], msg: prepare },
      { seq: 2, node: 'a1', kind: 'receive', from: 'p1', msg: prepare, id: 'm0' },
    ];
    const arrows = buildSequence(header, events).items.filter((i) => i.kind === 'message');
    expect(arrows.map((a) => [a.from, a.to, a.seq, a.delivery])).toEqual([['p1', 'a1', 2, 'delivered']]);
  });

  it('a header loop (written by another tool, without the explorer\'s sentence) marks the cycle: after the seq it names, or a stuttering last state', () => {
    const loopOf = (afterSeq?: number) => buildSequence(afterSeq === undefined ? header : { ...header, loop: { afterSeq } }, trace).loop;
    const last = trace[trace.length - 1].seq;
    expect(loopOf(5)).toEqual({ property: '', startSeq: 5, endSeq: last, cycleSteps: trace.filter((e) => e.seq > 5).length });
    expect(loopOf(last)).toMatchObject({ startSeq: last, cycleSteps: 0 });
    expect(loopOf()).toBeUndefined();
    expect(traceToMermaid({ ...header, loop: { afterSeq: 5 } }, trace)).toContain(`loop ↺ seq 6..${last} repeat forever`);
  });

  it('without receive events, sends are drawn as plain arrows', () => {
    const seq = buildSequence(header, trace.filter((e) => e.kind !== 'receive'));
    expect(seq.items.filter((i) => i.kind === 'message').map((i) => i.kind === 'message' && i.delivery)).toEqual(['sent', 'sent', 'sent']);
  });

  it('Mermaid parses it; arrows, notes and fault highlights come through', async () => {
    const text = traceToMermaid(header, trace);
    expect(text).toContain('rect rgb(255, 224, 224)');
    const parsed = await readSequence(text);
    expect([...parsed.actors.values()]).toEqual(['p1', 'a1', 'a2']);
    const messages = parsed.messages.map((m) => m.message);
    expect(messages).toEqual(expect.arrayContaining([
      '1. prepare ballot=1 (not delivered)', '2. prepare ballot=1', '4. crash', '7. decide v1',
      '5. promise ballot=1 acceptedBallot=null acceptedValue=null',
    ]));
  });

  it('caps the length with an ellipsis note that counts what was left out', async () => {
    const many: TraceEvent[] = Array.from({ length: 500 }, (_, i) => ({ seq: i + 1, node: 'a1', kind: 'tick', tick: i }));
    const seq = buildSequence(header, many, { maxItems: 20 });
    expect(seq.items.length).toBe(20);
    expect(seq.omitted).toBe(480);
    const parsed = await readSequence(sequenceToMermaid(seq));
    expect(parsed.messages.at(-1)?.message).toBe('… 480 more events not shown');
  });

  it('shows balancer picks and completions as arrows to and from backends', () => {
    const bh: TraceHeader = {
      type: 'header', format: 'coordkit-trace', version: 1, producer: { name: 't' }, protocol: 'balancer',
      config: { policy: 'round-robin', backends: [{ id: 'b1', weight: 1 }, { id: 'b2', weight: 1 }] },
    };
    const seq = buildSequence(bh, [
      { seq: 1, node: 'lb', kind: 'pick', request: 'r1', backend: 'b2' },
      { seq: 2, node: 'lb', kind: 'done', request: 'r1', backend: 'b2' },
    ]);
    expect(seq.participants).toEqual(['b1', 'b2', 'lb']);
    expect(seq.items.map((i) => i.kind === 'message' && `${i.from}>${i.to}`)).toEqual(['lb>b2', 'b2>lb']);
  });
});

// ------------------------------------------------------------------ generated traces

const node = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('x:y', '"q"', 'end', 'participant', '->>', 'π'));
const value = fc.oneof(fc.string({ maxLength: 10 }), fc.integer());
const msg = fc.record({ type: fc.constant('accept' as const), ballot: fc.integer({ min: 0, max: 3 }), value });
const event = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), node, to: fc.oneof(node, fc.array(node, { minLength: 1, maxLength: 3 })), msg, id: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('receive' as const), node, from: node, msg, id: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }) }),
  fc.record({ kind: fc.constantFrom('crash' as const, 'restart' as const, 'pause' as const), node }),
  fc.record({ kind: fc.constant('partition' as const), node, groups: fc.array(fc.array(node, { minLength: 1 }), { minLength: 2, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('state' as const), node, state: fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 3 }) }),
);
const events = fc.array(event, { maxLength: 40 }).map((es) => es.map((e, i) => ({ ...e, seq: i + 1 }) as TraceEvent));

describe('generated traces', () => {
  test.prop([events, fc.integer({ min: 1, max: 50 })], { numRuns: 60 })('every event is drawn, omitted, or paired; Mermaid parses', async (es, maxItems) => {
    const seq = buildSequence(header, es, { maxItems });
    expect(seq.items.length).toBeLessThanOrEqual(maxItems);
    const drawn = new Set(seq.items.map((i) => i.seq));
    const omittedFrom = es.length - seq.omitted;
    // Every event before the cap shows up, except sends fully accounted for by later receives.
    for (const e of es.slice(0, omittedFrom)) {
      if (e.kind !== 'send') expect(drawn.has(e.seq)).toBe(true);
    }
    const parsed = await readSequence(sequenceToMermaid(seq));
    // Mermaid lists rect starts/ends (types 22, 23) among messages; the rest are ours, in order.
    const texts = parsed.messages.filter((m) => m.type !== 22 && m.type !== 23).map((m) => m.message);
    expect(texts.length).toBe(seq.items.length + (seq.omitted > 0 ? 1 : 0));
    seq.items.forEach((it, i) => expect(texts[i].startsWith(`${it.seq}. `)).toBe(true));
  });
});
