/**
 * Command-line option values, validated by zod. Commander finds the options and fills in
 * their defaults; each command then reads the raw values (strings as the user typed them,
 * or a default) through one schema built from the shapes below, so its handler gets typed
 * values and never casts, and a bad value is one line naming the option, the value and
 * what was expected (a UserError: exit 2, no stack trace).
 *
 * Each shape accepts the typed string and the plain value alike (`'3'` and `3`): defaults,
 * `coordkit all`'s configurations and parallel workers pass plain values through the
 * same schema.
 */
import { z } from 'zod';
import { firstIssue } from '../../conformance/schema/zod-issue.ts';
import { UserError } from './errors.ts';

/** Decimal digits only: '2.5', '0x10', '1e3', ' 3' and '' are not whole numbers here. */
const WHOLE = /^-?\d+$/;
/** A decimal number: no exponent, no hex, no blanks. */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

const fromText = (pattern: RegExp) => (v: unknown) => (typeof v === 'string' && pattern.test(v) ? Number(v) : v);

const wholeIn = (min: number, max: number, error: string, above = error) =>
  z.preprocess(fromText(WHOLE), z.number({ error }).min(min, { error }).max(max, { error: above }).int({ error }));

/** A whole number in [min, max]; an open range still ends where numbers stop being exact (2^53 - 1). */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  if (max !== Number.MAX_SAFE_INTEGER) return wholeIn(min, max, `expected a whole number from ${min} to ${max}`);
  return wholeIn(min, max, `expected a whole number of ${min} or more`, `expected a whole number of at most ${max}`);
}

/** Seeds of every generator in the kit are 32-bit: a larger value would alias a smaller one. */
export const SEED_MAX = 2 ** 32 - 1;

/** A seed: a whole number from 0 to 2^32 - 1. */
export function seed() {
  return wholeIn(0, SEED_MAX, `expected a seed: a whole number from 0 to ${SEED_MAX}`);
}

/**
 * A duration or amount above zero that may have a fraction (seconds, milliseconds), at most
 * `max` (a timer longer than 2^31 - 1 ms fires at once in Node: a cap keeps it meaningful).
 */
export function positiveNumber(unit: string, max = Number.MAX_VALUE) {
  const error = `expected a positive number of ${unit}`;
  return z.preprocess(fromText(DECIMAL), z.number({ error }).positive({ error }).max(max, { error: `expected a positive number of ${unit}, at most ${max}` }));
}

/** One of a fixed list of words. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

/** A file or directory name (not checked for existence here: each command says how it uses it). */
export function path() {
  return z.string().min(1, { error: 'expected a file name' });
}

/** Free text: a name looked up later, or a list the command reads itself. */
export const text = () => z.string();

/** A switch (`--json`), or a `--no-x` option (true unless given). */
export const flag = () => z.boolean();

/**
 * A string read by `parse`, a parser that throws a UserError for a bad value: its message
 * (which names the bad part) becomes the option's error. For the shapes with their own
 * small grammar (`--faults crash,loss:2`, `--budget 300,20s`).
 */
export function parsedBy<T>(parse: (raw: string) => T) {
  return z.string().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
      return z.NEVER;
    }
  });
}

/** `maxDepth` -> `--max-depth`: commander's attribute names are the long flags in camel case. */
export const flagOf = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Validates raw option values with `schema`: the typed values, or a UserError naming the
 * first bad option, its value and what it expects. Keys the schema does not name are
 * dropped (another schema reads them: a model's options beside the search options).
 */
export function parseOptions<S extends z.ZodObject>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = firstIssue(result.error);
  const key = String(issue.path[0] ?? '');
  const given = raw[key];
  // A parser's own message already names the bad part; a shape's says only what it expects.
  const custom = result.error.issues[0]?.code === 'custom';
  const message = custom || given === undefined ? issue.message : `${issue.message}, got '${String(given)}'`;
  throw new UserError(message, { field: flagOf(key) });
}
