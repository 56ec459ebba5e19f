/**
 * ITF values (Apalache ADR-015) decoded into a small tagged tree that keeps what JSON
 * loses: integers of any size (BigInt), sets and tuples apart from lists, maps with
 * arbitrary keys, and Quint sum-type variants {"tag", "value"}. Both importers (the
 * state mapping and coordkit's own event export) decode through here, so a bad
 * `#bigint` ("" or "0x10") is refused in one place, with the JSON path of the value.
 *
 * Decoding is recursive but bounded: a value nested deeper than MAX_DEPTH is a user
 * error, never a stack overflow. Variables are found by bare or qualified name
 * (`resolveVar`: `msgs` matches Quint's `Mod::Inst::msgs`).
 */
import { UserError } from '../schema/user-error.ts';

export const MAX_DEPTH = 200;

export class ItfSet { constructor(readonly items: ItfValue[]) {} }
export class ItfTuple { constructor(readonly items: ItfValue[]) {} }
export class ItfMap { constructor(readonly entries: [ItfValue, ItfValue][]) {} }
export class ItfVariant { constructor(readonly tag: string, readonly value: ItfValue) {} }
export type ItfRecord = { [field: string]: ItfValue };
export type ItfValue = bigint | string | boolean | ItfValue[] | ItfSet | ItfTuple | ItfMap | ItfVariant | ItfRecord;

/** Where a value sits: the file and the JSON path (for the line locator and messages). */
export interface ValueAt {
  file: string;
  path: (string | number)[];
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

export function parseBigint(raw: unknown, at: ValueAt): bigint {
  if (typeof raw !== 'string' || !INTEGER.test(raw)) {
    throw new ItfValueError(`#bigint must be a decimal integer in a string ("-12", "0"), got ${JSON.stringify(raw)}`, at);
  }
  return BigInt(raw);
}

/** A bad value, with the path; the importer turns it into a UserError with file, line and field. */
export class ItfValueError extends Error {
  constructor(message: string, readonly at: ValueAt) {
    super(message);
  }
}

export function decodeValue(v: unknown, at: ValueAt, depth = 0): ItfValue {
  if (depth > MAX_DEPTH) throw new ItfValueError(`value nested deeper than ${MAX_DEPTH} levels`, at);
  const sub = (x: unknown, key: string | number, d = depth + 1): ItfValue => decodeValue(x, { file: at.file, path: [...at.path, key] }, d);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new ItfValueError(`ITF numbers are integers ({"#bigint": "..."} beyond ±2^53), got ${v}`, at);
    return BigInt(v);
  }
  if (v === null || typeof v !== 'object') throw new ItfValueError(`not an ITF value: ${JSON.stringify(v)}`, at);
  if (Array.isArray(v)) return v.map((x, i) => sub(x, i));
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const only = (k: string) => {
    if (keys.length !== 1) throw new ItfValueError(`"${k}" must be the only key of its object, found ${keys.join(', ')}`, at);
  };
  if ('#bigint' in o) { only('#bigint'); return parseBigint(o['#bigint'], { file: at.file, path: [...at.path, '#bigint'] }); }
  for (const k of ['#set', '#tup'] as const) {
    if (!(k in o)) continue;
    only(k);
    const items = o[k];
    if (!Array.isArray(items)) throw new ItfValueError(`${k} must hold a list`, { file: at.file, path: [...at.path, k] });
    const decoded = items.map((x, i) => decodeValue(x, { file: at.file, path: [...at.path, k, i] }, depth + 1));
    return k === '#set' ? new ItfSet(decoded) : new ItfTuple(decoded);
  }
  if ('#map' in o) {
    only('#map');
    const entries = o['#map'];
    if (!Array.isArray(entries)) throw new ItfValueError('#map must hold a list of [key, value] pairs', { file: at.file, path: [...at.path, '#map'] });
    return new ItfMap(entries.map((kv, i) => {
      const p = [...at.path, '#map', i];
      if (!Array.isArray(kv) || kv.length !== 2) throw new ItfValueError('#map entry must be a [key, value] pair', { file: at.file, path: p });
      return [decodeValue(kv[0], { file: at.file, path: [...p, 0] }, depth + 1), decodeValue(kv[1], { file: at.file, path: [...p, 1] }, depth + 1)];
    }));
  }
  if ('#unserializable' in o) throw new ItfValueError('an #unserializable value cannot be imported', at);
  const hashed = keys.find((k) => k.startsWith('#'));
  if (hashed) throw new ItfValueError(`unknown ITF form "${hashed}"`, at);
  if (keys.length === 2 && typeof o.tag === 'string' && 'value' in o) return new ItfVariant(o.tag, sub(o.value, 'value'));
  const out: ItfRecord = {};
  for (const k of keys) out[k] = sub(o[k], k);
  return out;
}

/** How deeply a plain JSON value nests (iteratively: any depth is safe to measure). */
export function jsonDepth(v: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop() as [unknown, number];
    if (x === null || typeof x !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return max;
}

/** The ITF rendering of a decoded value (for messages and set-difference keys). */
export function valueKey(v: ItfValue): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  if (v instanceof ItfSet) return `{${v.items.map(valueKey).sort().join(',')}}`;
  if (v instanceof ItfTuple) return `<<${v.items.map(valueKey).join(',')}>>`;
  if (v instanceof ItfMap) return `(${v.entries.map(([k, x]) => `${valueKey(k)}:>${valueKey(x)}`).sort().join(',')})`;
  if (v instanceof ItfVariant) return `${v.tag}(${valueKey(v.value)})`;
  return `[${Object.keys(v).sort().map((k) => `${k}|->${valueKey(v[k])}`).join(',')}]`;
}

export const isRecord = (v: ItfValue): v is ItfRecord =>
  typeof v === 'object' && !Array.isArray(v) && !(v instanceof ItfSet) && !(v instanceof ItfTuple) && !(v instanceof ItfMap) && !(v instanceof ItfVariant);

/** Wraps a decode so that its ItfValueError becomes a UserError naming file, line and field. */
export function userErrorFrom(err: unknown, text: string | undefined, lineOf: (text: string, path: (string | number)[]) => number | undefined): never {
  if (err instanceof ItfValueError) {
    const line = text === undefined ? undefined : lineOf(text, err.at.path);
    throw new UserError(err.message, { file: err.at.file, ...(line !== undefined ? { line } : {}), field: err.at.path.join('.') });
  }
  throw err;
}

/** Finds a variable by bare or qualified name (`msgs` matches `Mod::Inst::msgs`). */
export function resolveVar(vars: readonly string[], name: string, file: string): string {
  const found = vars.filter((v) => v === name || v.endsWith(`::${name}`));
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UserError(`no variable "${name}" (bare or qualified) among vars ${JSON.stringify(vars)}`, { file, field: 'vars' });
  throw new UserError(`variable "${name}" is ambiguous: ${found.join(', ')}`, { file, field: 'vars' });
}
