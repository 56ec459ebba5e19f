/**
 * coordkit traces as typed ITF and back: one ITF state per event, in a single variable
 * `event` whose type (itf-types.ts, derived from the trace schema) is the same in every
 * state; the coordkit header rides in "#meta" as "coordkit-header", with #meta.varTypes
 * (the ITF spec's place for variable types, in Apalache's type syntax) and the list of
 * fixed-point fields.
 *
 * Import refuses what is not integer ITF ({"#bigint": ""}, "0x10", plain fractions) with
 * the file, line and field; it reads only files written by this export (a spec's own ITF
 * trace goes through a state mapping, itf-states.ts).
 */
import { OrderGuard } from '../schema/order.ts';
import { toEvent } from '../schema/parse-line.ts';
import { header as headerSchema, traceEvent, type TraceEvent, type TraceHeader } from '../schema/trace.ts';
import { UserError } from '../schema/user-error.ts';
import { firstIssue } from '../schema/zod-issue.ts';
import { lineOfPath } from './json-locate.ts';
import { FIXED_SCALE, apalacheType, fixedFields, typeOf, type ItfType } from './itf-types.ts';
import { ItfMap, ItfValueError, ItfVariant, MAX_DEPTH, decodeValue, jsonDepth, resolveVar, isRecord, userErrorFrom, valueKey, type ItfValue, type ValueAt } from './itf-value.ts';

export const ITF_VAR = 'event';
export const ITF_HEADER_KEY = 'coordkit-header';
export const ITF_FORMAT_URL = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type ValueType = 'Str' | 'Int';

export const EVENT_TYPE: ItfType = typeOf(traceEvent);
export const NONE: Json = { tag: 'None', value: { '#tup': [] } };
const big = (n: number | bigint): Json => ({ '#bigint': String(n) });

/** Paxos values get one type per trace: Str if every configured value is a string, Int if every one is an integer. */
export function valueTypeOf(h: TraceHeader): ValueType {
  if (h.protocol !== 'paxos') return 'Str';
  const vs = h.config.values;
  if (vs.every((v) => typeof v === 'string')) return 'Str';
  if (vs.every((v) => Number.isSafeInteger(v))) return 'Int';
  throw new UserError(`the header's values mix strings and numbers (${JSON.stringify(vs)}): ITF gives a variable one type`, { field: 'header.config.values' });
}

export function encodeTyped(v: unknown, t: ItfType, vt: ValueType): Json {
  switch (t.k) {
    case 'int':
      if (Array.isArray(v)) throw new UserError(`ballot ${JSON.stringify(v)} is a (number, id) pair: ITF export writes integer ballots only`);
      if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${String(v)}`);
      return big(v as number);
    case 'fixed': return big(Math.round((v as number) * FIXED_SCALE));
    case 'str': return v as string;
    case 'bool': return v as boolean;
    case 'json':
      if (jsonDepth(v) > MAX_DEPTH) throw new UserError(`a free-form field nests deeper than ${MAX_DEPTH} levels: it has no ITF form`);
      return JSON.stringify(v);
    case 'value':
      if (vt === 'Int' ? !Number.isSafeInteger(v) : typeof v !== 'string') {
        throw new UserError(`value ${JSON.stringify(v)} is not of the trace's value type ${vt}`);
      }
      return vt === 'Int' ? big(v as number) : (v as string);
    case 'list': return (t.single && !Array.isArray(v) ? [v] : (v as unknown[])).map((x) => encodeTyped(x, t.of, vt));
    case 'option': return v === undefined || v === null ? NONE : { tag: 'Some', value: encodeTyped(v, t.of, vt) };
    case 'map': return { '#map': Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, encodeTyped(x, t.of, vt)]) };
    case 'record': {
      const o = v as Record<string, unknown>;
      const out: { [k: string]: Json } = {};
      for (const [f, ft] of t.fields) {
        // optional(nullable(x)): absent is None, null is Some(None)
        out[f] = ft.k === 'option' && ft.of.k === 'option' && f in o && o[f] === null ? { tag: 'Some', value: NONE } : encodeTyped(o[f], ft, vt);
      }
      return out;
    }
    case 'variant': {
      const o = v as Record<string, unknown>;
      const c = t.cases.find(([tag]) => tag === o[t.tagField]);
      if (!c) throw new Error(`no case ${String(o[t.tagField])}`);
      return { tag: c[0], value: encodeTyped(o, c[1], vt) };
    }
  }
}

const fail = (message: string, at: ValueAt): never => { throw new ItfValueError(message, at); };
const sub = (at: ValueAt, ...p: (string | number)[]): ValueAt => ({ file: at.file, path: [...at.path, ...p] });

export function decodeTyped(v: ItfValue, t: ItfType, vt: ValueType, at: ValueAt): unknown {
  const int = (x: ItfValue, where: ValueAt): number => {
    if (typeof x !== 'bigint') return fail(`expected an integer ({"#bigint": "..."}), got ${valueKey(x)}`, where);
    if (x > BigInt(Number.MAX_SAFE_INTEGER) || x < BigInt(Number.MIN_SAFE_INTEGER)) return fail(`integer ${x} lies beyond ±2^53`, where);
    return Number(x);
  };
  switch (t.k) {
    case 'int': return int(v, at);
    case 'fixed': return int(v, at) / FIXED_SCALE;
    case 'str': return typeof v === 'string' ? v : fail(`expected a string, got ${valueKey(v)}`, at);
    case 'bool': return typeof v === 'boolean' ? v : fail(`expected a boolean, got ${valueKey(v)}`, at);
    case 'json':
      if (typeof v !== 'string') return fail(`expected JSON text in a string, got ${valueKey(v)}`, at);
      try {
        const parsed: unknown = JSON.parse(v);
        return jsonDepth(parsed) > MAX_DEPTH ? fail(`JSON text nested deeper than ${MAX_DEPTH} levels`, at) : parsed;
      } catch (err) {
        if (err instanceof ItfValueError) throw err;
        return fail(`bad JSON text: ${(err as Error).message}`, at);
      }
    case 'value': return vt === 'Int' ? int(v, at) : typeof v === 'string' ? v : fail(`expected a string value, got ${valueKey(v)}`, at);
    case 'list': {
      if (!Array.isArray(v)) return fail(`expected a list, got ${valueKey(v)}`, at);
      return v.map((x, i) => decodeTyped(x, t.of, vt, sub(at, i)));
    }
    case 'option': {
      if (!(v instanceof ItfVariant) || (v.tag !== 'Some' && v.tag !== 'None')) return fail(`expected Some(...) or None, got ${valueKey(v)}`, at);
      if (v.tag === 'None') return t.absent === 'nullable' ? null : undefined;
      const inner = decodeTyped(v.value, t.of, vt, sub(at, 'value'));
      return inner === undefined ? null : inner;
    }
    case 'map': {
      if (!(v instanceof ItfMap)) return fail(`expected a map (#map), got ${valueKey(v)}`, at);
      return Object.fromEntries(v.entries.map(([k, x], i) => [
        typeof k === 'string' ? k : fail('map keys must be strings', sub(at, '#map', i, 0)),
        decodeTyped(x, t.of, vt, sub(at, '#map', i, 1)),
      ]));
    }
    case 'record': {
      if (!isRecord(v)) return fail(`expected a record, got ${valueKey(v)}`, at);
      const out: Record<string, unknown> = {};
      for (const [f, ft] of t.fields) {
        if (!(f in v)) return fail(`missing field "${f}"`, at);
        const x = decodeTyped(v[f], ft, vt, sub(at, f));
        if (x !== undefined) out[f] = x;
      }
      const extra = Object.keys(v).find((f) => !t.fields.some(([g]) => g === f));
      if (extra) return fail(`unknown field "${extra}"`, sub(at, extra));
      return out;
    }
    case 'variant': {
      if (!(v instanceof ItfVariant)) return fail(`expected a variant {"tag", "value"}, got ${valueKey(v)}`, at);
      const c = t.cases.find(([tag]) => tag === v.tag);
      if (!c) return fail(`unknown ${t.tagField} "${v.tag}"`, sub(at, 'tag'));
      return { [t.tagField]: v.tag, ...(decodeTyped(v.value, c[1], vt, sub(at, 'value')) as object) };
    }
  }
}

/** The ITF document's opening, up to and including `"states":[`; states follow, then ITF_EPILOGUE. */
export function itfPrologue(h: TraceHeader): string {
  const vt = valueTypeOf(h);
  const meta = {
    format: 'ITF',
    'format-description': ITF_FORMAT_URL,
    source: h.producer.name,
    description: h.description ?? `coordkit ${h.protocol} trace`,
    varTypes: { [ITF_VAR]: apalacheType(EVENT_TYPE, vt) },
    'coordkit-fixed-point': { scale: FIXED_SCALE, fields: fixedFields(EVENT_TYPE), note: 'these fields hold the number times 1000 (ts in microseconds), rounded' },
    [ITF_HEADER_KEY]: h,
  };
  return `{"#meta":${JSON.stringify(meta)},"vars":["${ITF_VAR}"],"states":[`;
}

export function itfState(e: TraceEvent, index: number, vt: ValueType): string {
  return JSON.stringify({ '#meta': { index }, [ITF_VAR]: encodeTyped(e, EVENT_TYPE, vt) });
}

export const ITF_EPILOGUE = ']}\n';

/** Parses an exported ITF document back into a header and events; `text` (the file's text) lets errors name a line. */
export function fromItf(doc: unknown, file: string, headerOverride?: unknown, text?: string): { header: TraceHeader; events: TraceEvent[] } {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { states?: unknown }).states)) {
    throw new UserError('not an ITF trace: expected an object with a "states" list', { file, field: 'states' });
  }
  const d = doc as { '#meta'?: Record<string, unknown>; states: unknown[] };
  const rawHeader = headerOverride ?? d['#meta']?.[ITF_HEADER_KEY];
  if (rawHeader === undefined) {
    throw new UserError(`no coordkit header: "#meta" has no "${ITF_HEADER_KEY}"; for a TLA+ or Quint spec's own trace use --mapping (paxos-tla, quint-paxos or a mapping file); else pass --header FILE`, { file, field: `#meta.${ITF_HEADER_KEY}` });
  }
  const parsed = headerSchema.safeParse(rawHeader);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { file, field: ['header', ...issue.path].join('.') });
  }
  const header = parsed.data;
  let vt: ValueType;
  try { vt = valueTypeOf(header); } catch (err) { throw new UserError((err as Error).message, { file, field: 'header.config.values' }); }
  const guard = new OrderGuard(header);
  const vars = (d as { vars?: unknown }).vars;
  const name = Array.isArray(vars) && vars.every((v) => typeof v === 'string') ? resolveVar(vars, ITF_VAR, file) : ITF_VAR;
  const events = d.states.map((state, i) => {
    const path = ['states', i, name];
    const line = () => (text === undefined ? undefined : lineOfPath(text, path.slice(0, 2)));
    if (typeof state !== 'object' || state === null || !(name in state)) {
      const l = line();
      throw new UserError(`state ${i} has no "${name}" variable`, { file, ...(l ? { line: l } : {}), field: `states.${i}` });
    }
    let raw: unknown;
    try {
      raw = decodeTyped(decodeValue((state as Record<string, unknown>)[name], { file, path }), EVENT_TYPE, vt, { file, path });
    } catch (err) {
      return userErrorFrom(err, text, lineOfPath);
    }
    try {
      const event = toEvent(raw, { file, line: i + 1 }, header.protocol);
      guard.check(event, { file, line: i + 1 });
      return event;
    } catch (err) {
      if (err instanceof UserError) {
        const l = line();
        throw new UserError(err.message, { file, ...(l ? { line: l } : {}), field: err.where.field ? `${path.join('.')}.${err.where.field}` : path.join('.') });
      }
      throw err;
    }
  });
  return { header, events };
}

