/** Steps: a code decodes into the step it encodes, and each kind is described in one sentence. */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { EventObject } from 'xstate';
import { ActionKind, decodeStep, describeMessage, describeStep, encodeAction, kindOf, type StepTables } from './step.ts';
import type { Envelope } from './spec.ts';

const ids = ['p1', 'a1', 'a2', 'a3'];
/** Message 0 goes from p1 to a1 and a2 (a set network); message 1 from a1 to p1. */
const envelopes: Envelope[] = [
  { from: 'p1', to: ['a1', 'a2'], msg: { type: 'prepare', ballot: 1 } },
  { from: 'a1', to: ['p1'], msg: { type: 'promise', ballot: 1, value: null } },
];
const tables: StepTables = {
  actorIds: () => ids,
  envelope: (e) => envelopes[e],
  recipientEvent: (e, actor) => (envelopes[e].to.includes(ids[actor]) ? 10 * (e + 1) + actor : -1),
  event: (_, id) => ({ type: 'start', round: id }) as EventObject,
};
const text = (kind: ActionKind, actor: number, arg: number) => describeStep(decodeStep(tables, encodeAction(kind, actor, arg)));

describe('steps', () => {
  it('describes each of the 8 kinds for people', () => {
    expect(text(ActionKind.Deliver, 2, 0)).toBe('a2 receives prepare(ballot=1) from p1');
    expect(text(ActionKind.Offer, 0, 3)).toBe('p1 takes start(round=3)');
    expect(text(ActionKind.Crash, 1, 0)).toBe('a1 crashes');
    expect(text(ActionKind.Restart, 1, 0)).toBe('a1 restarts');
    expect(text(ActionKind.Partition, 0, 0b0110)).toBe('network partitioned {p1,a3} | {a1,a2}');
    expect(text(ActionKind.Heal, 0, 0)).toBe('network healed');
    expect(text(ActionKind.Lose, 0, 1)).toBe('network loses promise(ballot=1, value=null) from a1 to p1');
    expect(text(ActionKind.Duplicate, 0, 0)).toBe('network duplicates prepare(ballot=1) from p1 to a1, a2');
  });

  it('labels diagram edges briefly', () => {
    const brief = (kind: ActionKind, actor: number, arg: number) => describeStep(decodeStep(tables, encodeAction(kind, actor, arg)), 'brief');
    expect(brief(ActionKind.Deliver, 2, 0)).toBe('a2 ← prepare(1) from p1');
    expect(brief(ActionKind.Offer, 0, 3)).toBe('p1 start(3)');
    expect(brief(ActionKind.Partition, 0, 0b0110)).toBe('partition');
    expect(brief(ActionKind.Lose, 0, 1)).toBe('lose promise(1)');
  });

  it('decodes a delivery with the event its recipient receives (a2 gets event 12 of message 0)', () => {
    const step = decodeStep(tables, encodeAction(ActionKind.Deliver, 2, 0));
    expect(step).toMatchObject({ kind: 'deliver', actor: 2, node: 'a2', entry: 0, eventId: 12, envelope: envelopes[0] });
  });

  it('refuses a delivery to a node that is not a recipient, and a code of no kind', () => {
    expect(() => decodeStep(tables, encodeAction(ActionKind.Deliver, 3, 0))).toThrow('a3 is not a recipient of message 0');
    expect(() => decodeStep(tables, encodeAction(8 as ActionKind, 0, 0))).toThrow('not a step code');
    expect(() => kindOf(encodeAction(8 as ActionKind, 0, 0))).toThrow('not a step code');
  });

  test.prop([fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 })])(
    'a code keeps its kind, actor and argument', (kind, actor, entry) => {
      const code = encodeAction(kind, actor, entry);
      const step = decodeStep({ ...tables, recipientEvent: () => 0 }, code);
      expect(step.code).toBe(code);
      expect(step.kind).toBe(kindOf(code));
      if ('actor' in step) expect(step.actor).toBe(actor);
      if ('entry' in step) expect(step.entry).toBe(entry);
    });

  it('describes messages in full, or briefly with only the values that are set', () => {
    const msg = { type: 'accept', ballot: 2, value: 'v1', from: null };
    expect(describeMessage(msg)).toBe('accept(ballot=2, value="v1", from=null)');
    expect(describeMessage(msg, 'brief')).toBe('accept(2,v1)');
    expect(describeMessage({ type: 'tick' })).toBe('tick()');
    expect(describeMessage({ type: 'tick' }, 'brief')).toBe('tick');
  });
});
