/**
 * Tests of importing a spec's own ITF trace through a state mapping: the Quint traces
 * committed under traces/itf (produced by `quint run --out-itf` on
 * conformance/interop/quint/paxos.qnt) and Paxos.tla-shaped traces built here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failing, verifyRun } from '../checkers/test-support.ts';
import { expectNoLearnerVerdicts } from './testing/expect-no-learner-verdicts.ts';
import { builtinMappings, stateMapping } from './itf-mapping.ts';
import { importStates, resolveVar } from './itf-states.ts';
import { expectUserError } from './testing/expect-user-error.ts';

const quint = builtinMappings['quint-paxos'];
const tla = builtinMappings['paxos-tla'];
const load = (f: string) => { const text = readFileSync(f, 'utf8'); return { text, doc: JSON.parse(text) }; };
const CORRECT = 'traces/itf/quint-paxos-seed1.itf.json';
const BUGGY = 'traces/itf/quint-paxos-buggy-seed1.itf.json';


describe('ITF import of Quint traces (quint-paxos mapping)', () => {
  it('imports the Quint trace of the correct spec (31 states, qualified names) and it passes the 9 Paxos properties it exercises (no learners: decide-chosen and learner-liveness skip)', async () => {
    const { text, doc } = load(CORRECT);
    expect(doc.vars).toContain('paxosCorrect::paxos::msgs');
    expect(doc.states).toHaveLength(31);
    const t = importStates(doc, text, CORRECT, quint, { constants: { values: [1, 2] } });
    expect(t.notes).toContain('ballots renumbered in order (some lie beyond ±2^53): 0 -> 0, 1 -> 1, 9007199254740993 -> 2');
    expect(t.header.config).toMatchObject({ acceptors: ['a1', 'a2', 'a3'], values: [1, 2] });
    const r = await verifyRun(t);
    expectNoLearnerVerdicts(r);
    // a promise is preceded by the acceptor's receive of the prepare it answers
    const i = t.events.findIndex((e) => e.kind === 'send' && e.msg.type === 'promise');
    expect(t.events[i - 1]).toMatchObject({ kind: 'receive', node: t.events[i].node, msg: { type: 'prepare' } });
  });

  it('reports the planted bug (Phase2a without the value rule) in the Quint violation trace: agreement, accept-value, refinement', async () => {
    const { text, doc } = load(BUGGY);
    const t = importStates(doc, text, BUGGY, quint, { constants: { values: [1, 2] } });
    expect(failing(await verifyRun(t))).toEqual(['paxos.agreement', 'paxos.accept-value', 'paxos.refinement']);
  });

  it('catches a tampered correct trace: a 2a value swapped under the 2b votes for it fails refinement (acceptors vote for a value never sent)', async () => {
    const { text, doc } = load(CORRECT);
    const states = JSON.stringify(doc.states);
    const m = /\{"tag":"Msg2a","value":\{"bal":\{"#bigint":"(\d+)"\},"value":\{"#bigint":"([12])"\}\}\}/.exec(states);
    expect(m).not.toBeNull();
    const [whole, , v] = m as RegExpExecArray;
    const other = whole.replace(`"value":{"#bigint":"${v}"}}}`, `"value":{"#bigint":"${v === '1' ? '2' : '1'}"}}}`);
    const tampered = { ...doc, states: JSON.parse(states.split(whole).join(other)) };
    const t = importStates(tampered, undefined, 'tampered', quint, { constants: { values: [1, 2] } });
    expect(failing(await verifyRun(t))).toEqual(['paxos.refinement']);
  });

  it('refuses a trace without --values, an unknown message tag (with line and field), and a trace with no messages', () => {
    const { text, doc } = load(CORRECT);
    expect(expectUserError(() => importStates(doc, text, CORRECT, quint)).message).toMatch(/declares no values.*--values/);
    const pretty = JSON.stringify(doc, null, 1).replace('"Msg2a"', '"Msg9z"');
    const err = expectUserError(() => importStates(JSON.parse(pretty), pretty, 'x.itf.json', quint, { constants: { values: [1, 2] } }));
    expect(err.message).toMatch(/unknown message kind "Msg9z"/);
    expect(err.where.field).toMatch(/^states\.\d+\.paxosCorrect::paxos::msgs\.#set\.\d+$/);
    expect(pretty.split('\n')[(err.where.line as number) - 1]).toContain('{');
    const empty = { ...doc, states: [doc.states[0]] };
    expect(expectUserError(() => importStates(empty, undefined, 'e', quint, { constants: { values: [1, 2] } })).message).toMatch(/no Paxos messages in 1 states.*nothing to check/);
  });

  it('finds variables by bare or qualified name and refuses an ambiguous one', () => {
    expect(resolveVar(['M::P::msgs', 'x'], 'msgs', 'f')).toBe('M::P::msgs');
    expect(() => resolveVar(['A::msgs', 'B::msgs'], 'msgs', 'f')).toThrow(/ambiguous/);
    expect(() => resolveVar(['mmsgs'], 'msgs', 'f')).toThrow(/no variable "msgs"/);
  });
});

// ---------------------------------------------------------------- Paxos.tla-shaped traces
const n = (x: number) => ({ '#bigint': String(x) });
const m1a = (b: number) => ({ type: '1a', bal: n(b) });
const m1b = (a: string, b: number, mbal: number, mval: string) => ({ type: '1b', acc: a, bal: n(b), mbal: n(mbal), mval });
const m2a = (b: number, v: string) => ({ type: '2a', bal: n(b), val: v });
const m2b = (a: string, b: number, v: string) => ({ type: '2b', acc: a, bal: n(b), val: v });
type Acc = Record<string, [number, number, string]>;
/** A Paxos.tla behaviour built step by step (constructed here, as TLC or Apalache would print it). */
function tlaTrace(steps: { msg: object; acc?: Partial<Acc> }[]) {
  let acc: Acc = { a1: [-1, -1, 'None'], a2: [-1, -1, 'None'], a3: [-1, -1, 'None'] };
  const msgs: object[] = [];
  const snap = () => ({
    msgs: { '#set': [...msgs] },
    maxBal: { '#map': Object.entries(acc).map(([a, s]) => [a, n(s[0])]) },
    maxVBal: { '#map': Object.entries(acc).map(([a, s]) => [a, n(s[1])]) },
    maxVal: { '#map': Object.entries(acc).map(([a, s]) => [a, s[2]]) },
  });
  const states = [snap()];
  for (const s of steps) {
    msgs.push(s.msg);
    acc = { ...acc, ...(s.acc as Acc) };
    states.push(snap());
  }
  return { vars: ['msgs', 'maxBal', 'maxVBal', 'maxVal'], states };
}
const round0 = [
  { msg: m1a(0) },
  { msg: m1b('a1', 0, -1, 'None'), acc: { a1: [0, -1, 'None'] } },
  { msg: m1b('a2', 0, -1, 'None'), acc: { a2: [0, -1, 'None'] } },
  { msg: m2a(0, 'v1') },
  { msg: m2b('a1', 0, 'v1'), acc: { a1: [0, 0, 'v1'] } },
] as { msg: object; acc?: Partial<Acc> }[];
const round1 = (v: string) => [
  { msg: m1a(1) },
  { msg: m1b('a1', 1, 0, 'v1'), acc: { a1: [1, 0, 'v1'] } },
  { msg: m1b('a3', 1, -1, 'None'), acc: { a3: [1, -1, 'None'] } },
  { msg: m2a(1, v) },
  { msg: m2b('a1', 1, v), acc: { a1: [1, 1, v] } },
  { msg: m2b('a3', 1, v), acc: { a3: [1, 1, v] } },
] as { msg: object; acc?: Partial<Acc> }[];
const tlaOpts = { constants: { values: ['v1', 'v2'] } };

describe('ITF import of Paxos.tla-shaped traces (paxos-tla mapping; traces constructed here)', () => {
  it('a correct two-round behaviour (12 states) becomes 25 events and passes the 9 properties it exercises (no learners)', async () => {
    const t = importStates(tlaTrace([...round0, ...round1('v1')]), undefined, 'ok', tla, tlaOpts);
    expect(t.header.config).toHaveProperty('proposers', ['p0', 'p1']);
    expect(t.header.protocol).toBe('paxos');
    expect(t.events).toHaveLength(25);
    expect(t.events.filter((e) => e.kind === 'state')).toHaveLength(7);
    expect(t.events.find((e) => e.kind === 'state')).toEqual({ seq: 4, node: 'a1', kind: 'state', state: { maxBal: 0, maxVBal: null, maxVal: null } });
    expectNoLearnerVerdicts(await verifyRun(t));
  });

  it('the same behaviour with Phase2a ignoring a1\'s vote (v2 in ballot 1) fails agreement and accept-value', async () => {
    const t = importStates(tlaTrace([...round0, { msg: m2b('a2', 0, 'v1'), acc: { a2: [0, 0, 'v1'] } }, ...round1('v2')]), undefined, 'bug', tla, tlaOpts);
    expect(failing(await verifyRun(t))).toEqual(expect.arrayContaining(['paxos.agreement', 'paxos.accept-value']));
  });
});

describe('mapping files', () => {
  it('validates a mapping file with zod: a missing tag is refused, a full one accepted', () => {
    const good = { ...tla, name: 'mine' };
    expect(stateMapping.parse(JSON.parse(JSON.stringify(good))).messages.fields.value).toBe('val');
    const { tag: _tag, ...noTag } = good.messages;
    expect(stateMapping.safeParse({ ...good, messages: noTag }).success).toBe(false);
    expect(stateMapping.safeParse({ ...good, protocol: 'cluster' }).success).toBe(false);
  });
});
