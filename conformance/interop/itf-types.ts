/**
 * One ITF type per coordkit field, derived from the zod trace schema (the format's
 * definition), so that an exported trace is typed ITF as Quint and Apalache read it:
 * every value of a variable has the same type, every number is an integer.
 *
 * - integers: {"#bigint": "n"}; numbers the schema does not declare integers (ts,
 *   tickTime, weights) are written as integers in thousandths (`fixed`, ×1000: ts in
 *   microseconds) and listed in #meta; finer fractions are rounded.
 * - optional or nullable fields: the Option variant, Some(x) or None, always present.
 * - `to` (a node or a list of nodes): always a list.
 * - discriminated unions (events by `kind`, messages by `type`): sum-type variants
 *   {"tag": kind, "value": {the other fields}}.
 * - free-form records (a state event's `state`): their JSON text, a string.
 * - records keyed by node (in-flight counts): maps.
 * - Paxos values (string | number): one type per trace, Str or Int, from the header.
 * `apalacheType` renders a type in ADR-002 syntax for #meta.varTypes.
 */
import type { z } from 'zod';

export type ItfType =
  | { k: 'int' } | { k: 'fixed' } | { k: 'str' } | { k: 'bool' } | { k: 'json' } | { k: 'value' }
  | { k: 'list'; of: ItfType; single?: boolean }
  | { k: 'option'; of: ItfType; absent: 'optional' | 'nullable' }
  | { k: 'record'; fields: [string, ItfType][] }
  | { k: 'map'; of: ItfType }
  | { k: 'variant'; tagField: string; cases: [string, ItfType & { k: 'record' }][] };

/** Scale of `fixed` numbers: thousandths. */
export const FIXED_SCALE = 1000;

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

export function typeOf(schema: z.ZodType): ItfType {
  const d = defOf(schema);
  if (typeof d.discriminator === 'string') {
    const tagField = d.discriminator;
    const cases = (d.options as z.ZodType[]).map((o): [string, ItfType & { k: 'record' }] => {
      const shape = defOf(o).shape as Record<string, z.ZodType>;
      const tag = (defOf(shape[tagField]).values as string[])[0];
      return [tag, { k: 'record', fields: Object.entries(shape).filter(([f]) => f !== tagField).map(([f, s]) => [f, typeOf(s)]) }];
    });
    return { k: 'variant', tagField, cases };
  }
  switch (d.type) {
    case 'number': return (schema as unknown as { isInt: boolean }).isInt ? { k: 'int' } : { k: 'fixed' };
    case 'string': case 'enum': case 'literal': return { k: 'str' };
    case 'boolean': return { k: 'bool' };
    case 'unknown': case 'any': return { k: 'json' };
    case 'default': case 'prefault': return typeOf(d.innerType as z.ZodType);
    case 'optional': return { k: 'option', of: typeOf(d.innerType as z.ZodType), absent: 'optional' };
    case 'nullable': return { k: 'option', of: typeOf(d.innerType as z.ZodType), absent: 'nullable' };
    case 'array': return { k: 'list', of: typeOf(d.element as z.ZodType) };
    case 'record': {
      const v = typeOf(d.valueType as z.ZodType);
      return v.k === 'json' ? { k: 'json' } : { k: 'map', of: v };
    }
    case 'object': return { k: 'record', fields: Object.entries(d.shape as Record<string, z.ZodType>).map(([f, s]) => [f, typeOf(s)]) };
    case 'union': {
      const options = d.options as z.ZodType[];
      const kinds = options.map((o) => defOf(o).type);
      if (kinds.length === 2 && kinds.includes('string') && kinds.includes('number')) return { k: 'value' };
      if (kinds.length === 2 && kinds.includes('string') && kinds.includes('array')) return { k: 'list', of: { k: 'str' }, single: true };
      // A union of discriminated unions (messages of every protocol): one variant of all cases.
      const variants = options.map((o) => typeOf(o));
      if (variants.every((v) => v.k === 'variant')) {
        const vs = variants as Extract<ItfType, { k: 'variant' }>[];
        return { k: 'variant', tagField: vs[0].tagField, cases: vs.flatMap((v) => v.cases) };
      }
      throw new Error(`no ITF type for a union of ${kinds.join(', ')}`);
    }
    default: break;
  }
  throw new Error(`no ITF type for zod ${d.type}`);
}

/** The type in Apalache's syntax (ADR-002, variants as in ADR-014), for #meta.varTypes. */
export function apalacheType(t: ItfType, valueType: 'Str' | 'Int'): string {
  const r = (x: ItfType) => apalacheType(x, valueType);
  switch (t.k) {
    case 'int': case 'fixed': return 'Int';
    case 'str': case 'json': return 'Str';
    case 'bool': return 'Bool';
    case 'value': return valueType;
    case 'list': return `Seq(${r(t.of)})`;
    case 'option': return `Some(${r(t.of)}) | None(UNIT)`;
    case 'map': return `Str -> ${r(t.of)}`;
    case 'record': return `{ ${t.fields.map(([f, x]) => `${f}: ${r(x)}`).join(', ')} }`;
    case 'variant': return t.cases.map(([tag, x]) => `${tag}(${r(x)})`).join(' | ');
  }
}

/** The fields of a type that hold `fixed` numbers (dotted paths, for #meta). */
export function fixedFields(t: ItfType, prefix = ''): string[] {
  switch (t.k) {
    case 'fixed': return [prefix];
    case 'list': case 'option': case 'map': return fixedFields(t.of, prefix);
    case 'record': return t.fields.flatMap(([f, x]) => fixedFields(x, prefix ? `${prefix}.${f}` : f));
    case 'variant': return t.cases.flatMap(([tag, x]) => fixedFields(x, prefix ? `${prefix}.${tag}` : tag));
    default: return [];
  }
}
