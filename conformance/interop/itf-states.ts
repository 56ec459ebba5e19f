/**
 * Import of a spec's own ITF trace (TLA+ via Apalache, Quint) through a declared state
 * mapping (itf-mapping.ts): the states of Paxos.tla-shaped specs become coordkit events.
 *
 * - ITF's first state is the initial state, not an event.
 * - Each later state: every message new to the message set is a send, in protocol order
 *   (1a, 1b, 2a, 2b; then by ballot). Paxos.tla's Phase1b and Phase2b read a message from
 *   the set, so an acceptor's 1b (2b) is preceded by its receive of the 1a (2a) it
 *   answers, when that message is in the set; the proposer of ballot b is node `p<b>`
 *   (one proposer per ballot, as in Paxos.tla). Then a state event for each acceptor
 *   whose (maxBal, maxVBal, maxVal) changed.
 * - Integers are BigInt throughout; if any ballot lies beyond ±2^53 all ballots are
 *   renumbered 0, 1, 2, ... in order (which is all the checkers compare), and the
 *   renumbering is stated in the notes and the header's description.
 * - Variables are found by bare or qualified name (`msgs` matches `M::P::msgs`).
 *
 * The whole document is in memory (JSON.parse), so are the events: ITF traces are
 * counterexamples and simulations, tens to thousands of states.
 */
import { traceHeader } from '../schema/header.ts';
import { UserError } from '../schema/user-error.ts';
import type { PaxosMessage, TraceEvent, TraceHeader } from '../schema/trace.ts';
import { lineOfPath } from './json-locate.ts';
import type { StateMapping } from './itf-mapping.ts';
import {
  ItfMap, ItfSet, ItfValueError, ItfVariant, decodeValue, isRecord, resolveVar, userErrorFrom, valueKey,
  type ItfRecord, type ItfValue, type ValueAt,
} from './itf-value.ts';

type Value = string | number;
type Kind = 'prepare' | 'promise' | 'accept' | 'accepted';
const KIND_ORDER: Kind[] = ['prepare', 'promise', 'accept', 'accepted'];

interface SpecMsg {
  kind: Kind;
  ballot: bigint;
  acceptor?: string;
  votedBallot?: bigint | null;
  votedValue?: Value | null;
  value?: Value;
}

interface AcceptorVars { maxBal: bigint | null; maxVBal: bigint | null; maxVal: Value | null }

export interface ImportedTrace {
  header: TraceHeader;
  events: TraceEvent[];
  /** What the import did that a reader should know (renumbering, ignored messages). */
  notes: string[];
}

export interface ImportOptions {
  /** Overrides of the mapping's constants (from the command line). */
  constants?: Partial<StateMapping['constants']>;
}

export { resolveVar };

export function importStates(doc: unknown, text: string | undefined, file: string, mapping: StateMapping, opts: ImportOptions = {}): ImportedTrace {
  try {
    return convert(doc, file, mapping, opts);
  } catch (err) {
    return userErrorFrom(err, text, lineOfPath);
  }
}

function fail(message: string, at: ValueAt): never {
  throw new ItfValueError(message, at);
}

function convert(doc: unknown, file: string, mapping: StateMapping, opts: ImportOptions): ImportedTrace {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('not an ITF trace: expected an object with "vars" and "states"', { file, path: [] });
  const d = doc as { vars?: unknown; states?: unknown };
  if (!Array.isArray(d.vars) || !d.vars.every((v) => typeof v === 'string')) fail('"vars" must be a list of variable names', { file, path: ['vars'] });
  if (!Array.isArray(d.states)) fail('"states" must be a list', { file, path: ['states'] });
  const vars = d.vars as string[];
  const states = d.states as unknown[];
  if (states.length === 0) fail('the trace has no states', { file, path: ['states'] });
  const msgVar = resolveVar(vars, mapping.messages.variable, file);
  const accVars = mapping.acceptorState
    ? { maxBal: resolveVar(vars, mapping.acceptorState.maxBal, file), maxVBal: resolveVar(vars, mapping.acceptorState.maxVBal, file), maxVal: resolveVar(vars, mapping.acceptorState.maxVal, file) }
    : undefined;

  const decodeVar = (i: number, name: string): ItfValue => {
    const state = states[i];
    const at = { file, path: ['states', i, name] };
    if (typeof state !== 'object' || state === null || !(name in state)) fail(`state ${i} has no variable "${name}"`, { file, path: ['states', i] });
    return decodeValue((state as Record<string, unknown>)[name], at);
  };

  const noneValues = new Set(mapping.none.values.map((v) => valueKey(typeof v === 'number' ? BigInt(v) : v)));
  const noneBallot = BigInt(mapping.none.ballot);
  const toValue = (v: ItfValue, at: ValueAt, nullable: boolean): Value | null => {
    if (v instanceof ItfVariant && v.tag === 'None') return nullable ? null : fail('a value is required here, got None', at);
    if (v instanceof ItfVariant && v.tag === 'Some') return toValue(v.value, { file, path: [...at.path, 'value'] }, false);
    if (noneValues.has(valueKey(v))) return nullable ? null : fail(`a value is required here, got the "no value" sentinel ${valueKey(v)}`, at);
    if (typeof v === 'string') return v;
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) fail(`value ${v} lies beyond ±2^53; coordkit values are strings or safe integers`, at);
      return Number(v);
    }
    return fail(`a value must be a string or an integer, got ${valueKey(v)}`, at);
  };
  const toBallot = (v: ItfValue, at: ValueAt, nullable: boolean): bigint | null => {
    if (v instanceof ItfVariant && v.tag === 'None' && nullable) return null;
    if (v instanceof ItfVariant && v.tag === 'Some') return toBallot(v.value, { file, path: [...at.path, 'value'] }, false);
    if (typeof v !== 'bigint') return fail(`a ballot must be an integer, got ${valueKey(v)}`, at);
    if (v === noneBallot) return nullable ? null : fail(`a ballot is required here, got the "no ballot" sentinel ${v}`, at);
    return v;
  };
  const toNode = (v: ItfValue, at: ValueAt): string => {
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'bigint') return String(v);
    return fail(`an acceptor must be a string (or an integer), got ${valueKey(v)}`, at);
  };

  const kindOfTag = new Map<string, Kind>(KIND_ORDER.map((k) => [mapping.messages.kinds[k], k]));
  const f = mapping.messages.fields;
  const toMessage = (raw: ItfValue, at: ValueAt): SpecMsg => {
    let tag: string;
    let rec: ItfValue;
    let recAt = at;
    if ('variant' in mapping.messages.tag) {
      if (!(raw instanceof ItfVariant)) return fail(`a message must be a sum-type variant {"tag", "value"}, got ${valueKey(raw)}`, at);
      tag = raw.tag;
      rec = raw.value;
      recAt = { file, path: [...at.path, 'value'] };
    } else {
      const tf = mapping.messages.tag.field;
      if (!isRecord(raw) || typeof raw[tf] !== 'string') return fail(`a message must be a record with a string field "${tf}"`, at);
      tag = raw[tf] as string;
      rec = raw;
    }
    const kind = kindOfTag.get(tag);
    if (!kind) return fail(`unknown message kind "${tag}" (the mapping knows ${[...kindOfTag.keys()].join(', ')})`, at);
    if (!isRecord(rec)) return fail(`a ${tag} message must carry a record`, recAt);
    const r = rec as ItfRecord;
    const field = (name: string): [ItfValue, ValueAt] => {
      const fat = { file, path: [...recAt.path, name] };
      if (!(name in r)) fail(`a ${tag} message has no field "${name}"`, recAt);
      return [r[name], fat];
    };
    const ballot = toBallot(...field(f.ballot), false) as bigint;
    switch (kind) {
      case 'prepare': return { kind, ballot };
      case 'promise': return {
        kind, ballot,
        acceptor: toNode(...field(f.promiseAcceptor)),
        votedBallot: toBallot(...field(f.votedBallot), true),
        votedValue: toValue(...field(f.votedValue), true),
      };
      case 'accept': return { kind, ballot, value: toValue(...field(f.value), false) as Value };
      case 'accepted': return { kind, ballot, acceptor: toNode(...field(f.acceptedAcceptor)), value: toValue(...field(f.value), false) as Value };
    }
  };

  const entriesOf = (v: ItfValue, at: ValueAt): [ItfValue, ItfValue, ValueAt][] => {
    if (v instanceof ItfMap) return v.entries.map(([k, x], i) => [k, x, { file, path: [...at.path, '#map', i, 1] }]);
    if (isRecord(v)) return Object.entries(v).map(([k, x]) => [k, x, { file, path: [...at.path, k] }]);
    return fail(`expected a map from acceptors (#map), got ${valueKey(v)}`, at);
  };

  // Decode every state once.
  const msgSets: Map<string, SpecMsg>[] = [];
  const accStates: Map<string, AcceptorVars>[] = [];
  for (let i = 0; i < states.length; i++) {
    const raw = decodeVar(i, msgVar);
    const at = { file, path: ['states', i, msgVar] };
    const items = raw instanceof ItfSet ? raw.items : Array.isArray(raw) ? raw : fail(`"${msgVar}" must be a set (#set) of messages`, at);
    const set = new Map<string, SpecMsg>();
    items.forEach((m, j) => set.set(valueKey(m), toMessage(m, { file, path: [...at.path, raw instanceof ItfSet ? '#set' : j, ...(raw instanceof ItfSet ? [j] : [])] })));
    msgSets.push(set);
    if (accVars) {
      const byAcc = new Map<string, AcceptorVars>();
      const get = (name: string): [ItfValue, ValueAt] => [decodeVar(i, name), { file, path: ['states', i, name] }];
      for (const [k, x, xat] of entriesOf(...get(accVars.maxBal))) byAcc.set(toNode(k, xat), { maxBal: toBallot(x, xat, true), maxVBal: null, maxVal: null });
      for (const [k, x, xat] of entriesOf(...get(accVars.maxVBal))) { const a = byAcc.get(toNode(k, xat)); if (a) a.maxVBal = toBallot(x, xat, true); }
      for (const [k, x, xat] of entriesOf(...get(accVars.maxVal))) { const a = byAcc.get(toNode(k, xat)); if (a) a.maxVal = toValue(x, xat, true); }
      accStates.push(byAcc);
    }
  }

  // Ballots: renumber in order if any lies beyond the safe range.
  const ballots = new Set<bigint>();
  for (const s of msgSets) for (const m of s.values()) { ballots.add(m.ballot); if (m.votedBallot != null) ballots.add(m.votedBallot); }
  for (const s of accStates) for (const a of s.values()) { if (a.maxBal !== null) ballots.add(a.maxBal); if (a.maxVBal !== null) ballots.add(a.maxVBal); }
  const sorted = [...ballots].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const unsafe = sorted.some((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER));
  const rank = new Map(sorted.map((b, i) => [b, unsafe ? i : Number(b)]));
  const bal = (b: bigint) => rank.get(b) as number;
  const optBal = (b: bigint | null | undefined) => (b == null ? null : bal(b));
  const notes: string[] = [];
  if (unsafe) notes.push(`ballots renumbered in order (some lie beyond ±2^53): ${sorted.map((b, i) => `${b} -> ${i}`).join(', ')}`);

  // Constants.
  const constants = { ...mapping.constants, ...opts.constants };
  const acceptors = constants.acceptors
    ?? (accStates.length > 0 && accStates[0].size > 0 ? [...accStates[0].keys()] : undefined)
    ?? [...new Set([...msgSets[msgSets.length - 1].values()].flatMap((m) => (m.acceptor ? [m.acceptor] : [])))].sort();
  if (acceptors.length === 0) throw new UserError('no acceptors: the mapping maps no acceptor state and declares no constants.acceptors; pass --acceptors', { file });
  const values = constants.values;
  if (!values) {
    throw new UserError(`mapping "${mapping.name}" declares no values (an ITF trace does not carry constants): pass --values (e.g. --values 1,2) or constants.values in a mapping file`, { file });
  }
  const proposerOf = (b: bigint) => `p${bal(b)}`;
  const proposerBallots = new Set<bigint>();
  for (const s of msgSets) for (const m of s.values()) proposerBallots.add(m.ballot);
  if (proposerBallots.size === 0) {
    throw new UserError(`no Paxos messages in ${states.length} states of "${msgVar}": nothing to check`, { file, field: `states.*.${msgVar}` });
  }
  const proposers = [...proposerBallots].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(proposerOf);

  // Events, step by step.
  const events: TraceEvent[] = [];
  let seq = 0;
  type NoSeq<E> = E extends unknown ? Omit<E, 'seq'> : never;
  const push = (e: NoSeq<TraceEvent>) => events.push({ seq: ++seq, ...e } as TraceEvent);
  const sentKeys = new Set<string>();
  const toMsg = (m: SpecMsg): PaxosMessage => {
    switch (m.kind) {
      case 'prepare': return { type: 'prepare', ballot: bal(m.ballot) };
      case 'promise': return { type: 'promise', ballot: bal(m.ballot), acceptedBallot: optBal(m.votedBallot), acceptedValue: m.votedValue ?? null };
      case 'accept': return { type: 'accept', ballot: bal(m.ballot), value: m.value as Value };
      case 'accepted': return { type: 'accepted', ballot: bal(m.ballot), value: m.value as Value };
    }
  };
  const sent = (msg: PaxosMessage) => sentKeys.has(JSON.stringify(msg));
  let removed = 0;
  if (msgSets[0].size > 0) notes.push(`the initial state already holds ${msgSets[0].size} messages: they are taken as sent before the first step`);
  const emitNew = (before: Map<string, SpecMsg>, after: Map<string, SpecMsg>) => {
    const fresh = [...after].filter(([k]) => !before.has(k)).map(([, m]) => m);
    for (const k of before.keys()) if (!after.has(k)) removed++;
    fresh.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || (x.ballot < y.ballot ? -1 : x.ballot > y.ballot ? 1 : 0));
    for (const m of fresh) {
      const msg = toMsg(m);
      const p = proposerOf(m.ballot);
      if (m.kind === 'prepare' || m.kind === 'accept') {
        push({ node: p, kind: 'send', to: acceptors, msg });
      } else {
        const read: PaxosMessage = m.kind === 'promise' ? { type: 'prepare', ballot: msg.ballot } : { type: 'accept', ballot: msg.ballot, value: m.value as Value };
        if (sent(read)) push({ node: m.acceptor as string, kind: 'receive', from: p, msg: read });
        push({ node: m.acceptor as string, kind: 'send', to: [p], msg });
      }
      sentKeys.add(JSON.stringify(msg));
    }
  };
  emitNew(new Map(), msgSets[0]);
  for (let i = 1; i < states.length; i++) {
    emitNew(msgSets[i - 1], msgSets[i]);
    if (accStates.length === 0) continue;
    for (const [a, now] of accStates[i]) {
      const was = accStates[i - 1].get(a);
      if (was && was.maxBal === now.maxBal && was.maxVBal === now.maxVBal && was.maxVal === now.maxVal) continue;
      push({ node: a, kind: 'state', state: { maxBal: optBal(now.maxBal), maxVBal: optBal(now.maxVBal), maxVal: now.maxVal } });
    }
  }
  if (removed > 0) notes.push(`${removed} messages left the message set between states; a message set only grows in Paxos.tla, so they were ignored`);

  const header = traceHeader('paxos', {
    acceptors, proposers, learners: [], values,
    ...(constants.quorums ? { quorums: constants.quorums } : {}),
  }, { name: 'coordkit itf import' }, [`imported from ${file} through mapping ${mapping.name}: ${states.length} ITF states (state 0 is the initial state) -> ${events.length} events`, ...notes].join('; '));
  return { header, events, notes };
}
