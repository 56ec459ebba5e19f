/**
 * A coordkit Paxos trace in Paxos.tla's own terms: the message set `msgs` and the
 * acceptors' maxBal, maxVBal, maxVal, rebuilt from the messages the trace shows sent
 * (a promise sets its acceptor's maxBal; an accepted sets all three), one step per
 * message new to the set, as Paxos.tla's actions Phase1a, Phase1b, Phase2a, Phase2b.
 *
 * Two renderings, both shaped like coordkit's Quint spec (conformance/interop/quint/
 * paxos.qnt: messages are variants Msg1a..Msg2b, values are integers, -1 is "none"):
 * - `paxosStateItf`: a typed ITF trace of those four variables, initial state first;
 * - `quintReplay`: a Quint `run` that replays the steps against that spec and expects,
 *   at the end, the violation of a property (agreement by default), for `quint test`.
 * String values are numbered 1, 2, ... in the header's order; #meta and the run say so.
 */
import type { TraceEvent, TraceHeader } from '../schema/trace.ts';
import { UserError } from '../schema/user-error.ts';
import { ITF_FORMAT_URL } from './itf-events.ts';

type Msg =
  | { tag: 'Msg1a'; bal: number }
  | { tag: 'Msg1b'; acceptor: string; bal: number; mbal: number; mval: number }
  | { tag: 'Msg2a'; bal: number; value: number }
  | { tag: 'Msg2b'; acc: string; bal: number; value: number };

export interface PaxosStep {
  /** The Quint action call (Phase1b("a1", 2)). */
  action: string;
  msg: Msg;
  /** The trace event that sent the message. */
  seq: number;
  maxBal: Map<string, number>;
  maxVBal: Map<string, number>;
  maxVal: Map<string, number>;
}

export interface PaxosStates {
  acceptors: string[];
  quorums: string[][];
  ballots: number[];
  /** Quint value -> coordkit value. */
  values: Map<number, string | number>;
  initial: PaxosStep;
  steps: PaxosStep[];
}

const NONE = -1;

export function majorities(acceptors: readonly string[]): string[][] {
  const need = Math.floor(acceptors.length / 2) + 1;
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << acceptors.length; mask++) {
    const q = acceptors.filter((_, i) => mask & (1 << i));
    if (q.length === need) out.push(q);
  }
  return out;
}

export function paxosStates(header: TraceHeader, events: Iterable<TraceEvent>, file?: string): PaxosStates {
  if (header.protocol !== 'paxos') throw new UserError(`--as paxos-state needs a paxos trace, got ${header.protocol}`, { file, field: 'header.protocol' });
  const { acceptors } = header.config;
  const strings = header.config.values.every((v) => typeof v === 'string');
  const values = new Map<number, string | number>(header.config.values.map((v, i) => [strings ? i + 1 : (v as number), v]));
  const toQuint = new Map([...values].map(([q, v]) => [v, q]));
  const qv = (v: string | number, seq: number): number => {
    const q = toQuint.get(v);
    if (q === undefined) throw new UserError(`value ${JSON.stringify(v)} is not among the header's values`, { file, field: `seq ${seq}` });
    return q;
  };
  const maxBal = new Map(acceptors.map((a) => [a, NONE]));
  const maxVBal = new Map(acceptors.map((a) => [a, NONE]));
  const maxVal = new Map(acceptors.map((a) => [a, NONE]));
  const snap = (action: string, msg: Msg, seq: number): PaxosStep => ({ action, msg, seq, maxBal: new Map(maxBal), maxVBal: new Map(maxVBal), maxVal: new Map(maxVal) });
  const initial = snap('init', { tag: 'Msg1a', bal: NONE }, 0);
  const seen = new Set<string>();
  const ballots = new Set<number>();
  const steps: PaxosStep[] = [];
  const q = JSON.stringify;
  for (const e of events) {
    if (e.kind !== 'send') continue;
    const m = e.msg;
    let msg: Msg;
    let action: string;
    if (m.type === 'prepare') {
      msg = { tag: 'Msg1a', bal: m.ballot };
      action = `Phase1a(${m.ballot})`;
    } else if (m.type === 'promise') {
      msg = { tag: 'Msg1b', acceptor: e.node, bal: m.ballot, mbal: m.acceptedBallot ?? NONE, mval: m.acceptedValue === null ? NONE : qv(m.acceptedValue, e.seq) };
      action = `Phase1b(${q(e.node)}, ${m.ballot})`;
    } else if (m.type === 'accept') {
      msg = { tag: 'Msg2a', bal: m.ballot, value: qv(m.value, e.seq) };
      action = `Phase2a(${m.ballot}, ${msg.value})`;
    } else if (m.type === 'accepted') {
      msg = { tag: 'Msg2b', acc: e.node, bal: m.ballot, value: qv(m.value, e.seq) };
      action = `Phase2b(${q(e.node)}, ${m.ballot}, ${msg.value})`;
    } else {
      continue;
    }
    const key = q(msg);
    if (seen.has(key)) continue;
    seen.add(key);
    ballots.add(msg.bal);
    if (msg.tag === 'Msg1b') maxBal.set(msg.acceptor, msg.bal);
    if (msg.tag === 'Msg2b') { maxBal.set(msg.acc, msg.bal); maxVBal.set(msg.acc, msg.bal); maxVal.set(msg.acc, msg.value); }
    steps.push(snap(action, msg, e.seq));
  }
  if (steps.length === 0) throw new UserError('the trace sends no Paxos message: no Paxos.tla state to export', { file });
  return {
    acceptors, quorums: header.config.quorums ?? majorities(acceptors), ballots: [...ballots].sort((x, y) => x - y), values, initial, steps,
  };
}

const MSG_TYPE = 'Msg1a({ bal: Int }) | Msg1b({ acceptor: Str, bal: Int, mbal: Int, mval: Int }) | Msg2a({ bal: Int, value: Int }) | Msg2b({ acc: Str, bal: Int, value: Int })';

/** The Paxos.tla state as a typed ITF document (JSON text). */
export function paxosStateItf(s: PaxosStates, source: string): string {
  const big = (n: number) => ({ '#bigint': String(n) });
  const map = (m: Map<string, number>) => ({ '#map': [...m].map(([a, n]) => [a, big(n)]) });
  const enc = (m: Msg) => {
    const { tag, ...fields } = m;
    return { tag, value: Object.fromEntries(Object.entries(fields).map(([k, x]) => [k, typeof x === 'number' ? big(x) : x])) };
  };
  const msgs: ReturnType<typeof enc>[] = [];
  const states = [s.initial, ...s.steps].map((st, index) => {
    if (index > 0) msgs.push(enc(st.msg));
    return { '#meta': { index, ...(index > 0 ? { action: st.action, 'coordkit-seq': st.seq } : {}) }, msgs: { '#set': [...msgs] }, maxBal: map(st.maxBal), maxVBal: map(st.maxVBal), maxVal: map(st.maxVal) };
  });
  const doc = {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_URL,
      source,
      description: 'a coordkit Paxos trace as the state of Paxos.tla (conformance/interop/quint/paxos.qnt): one state per message new to the set',
      varTypes: { msgs: `Set(${MSG_TYPE})`, maxBal: 'Str -> Int', maxVBal: 'Str -> Int', maxVal: 'Str -> Int' },
      'coordkit-values': Object.fromEntries(s.values),
      'coordkit-none': NONE,
    },
    vars: ['msgs', 'maxBal', 'maxVBal', 'maxVal'],
    states,
  };
  return `${JSON.stringify(doc)}\n`;
}

export interface ReplayOptions {
  /** Path of the spec module to import, relative to the generated file (default "./paxos"). */
  spec?: string;
  /** false replays against the spec with the planted bug (Phase2a without the value rule). */
  valueRule?: boolean;
  /** The property whose violation the run expects at the end. */
  expect?: string;
}

/** A Quint module with a `run` replaying the steps; `quint test` passes iff every step is enabled and the property fails at the end. */
export function quintReplay(s: PaxosStates, source: string, opts: ReplayOptions = {}): string {
  const q = JSON.stringify;
  const set = (xs: string[]) => `Set(${xs.join(', ')})`;
  const expect = opts.expect ?? 'agreement';
  const lines = [
    `// Generated by coordkit from ${source}: its ${s.steps.length} Paxos messages replayed as`,
    '// the actions of Paxos.tla, one step each; the run passes only if every step is enabled',
    `// and ${expect} is violated at the end.`,
    `// Values: ${[...s.values].map(([n, v]) => `${n} = ${q(v)}`).join(', ')}; -1 is "none".`,
    'module coordkit_replay {',
    '  import paxos(',
    `    Acceptor = ${set(s.acceptors.map((a) => q(a)))},`,
    `    Value = ${set([...s.values.keys()].map(String))},`,
    `    Quorum = ${set(s.quorums.map((qq) => set(qq.map((a) => q(a)))))},`,
    `    Ballot = ${set(s.ballots.map(String))},`,
    `    ValueRule = ${opts.valueRule === false ? 'false' : 'true'}`,
    `  ).* from ${q(opts.spec ?? './paxos')}`,
    '',
    '  run replayTest =',
    '    init',
    ...s.steps.map((st) => `      .then(${st.action})  // seq ${st.seq}`),
    `      .expect(not(${expect}))`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
