/** The option shapes and parseOptions: typed values, or one UserError naming option, value and expectation. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from './errors.ts';
import { choice, flag, flagOf, parseOptions, parsedBy, path, positiveNumber, seed, SEED_MAX, wholeNumber } from './options.ts';

/** The formatted one-line error of parsing `raw` with `schema`. */
function refusal(schema: z.ZodObject, raw: Record<string, unknown>): string {
  try {
    parseOptions(schema, raw);
  } catch (err) {
    if (err instanceof UserError) return err.format();
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

const counts = z.object({ ballots: wholeNumber(1, 8), maxDepth: wholeNumber(0).optional() });

describe('wholeNumber', () => {
  it('reads typed digits and plain numbers alike (ballots 3 either way), and leaves an unset optional undefined', () => {
    expect(parseOptions(counts, { ballots: '3' })).toEqual({ ballots: 3 });
    expect(parseOptions(counts, { ballots: 3, maxDepth: '0' })).toEqual({ ballots: 3, maxDepth: 0 });
  });

  it.each([['2.5'], ['0'], ['9'], ['abc'], [''], ['0x3'], ['1e0'], [' 3']])('refuses --ballots %j, naming the option, the value and the range 1..8', (bad) => {
    expect(refusal(counts, { ballots: bad })).toBe(`--ballots: expected a whole number from 1 to 8, got '${bad}'`);
  });

  it('names the long flag of a camel-case option (--max-depth) and an open range ("0 or more")', () => {
    expect(refusal(counts, { ballots: 2, maxDepth: '-1' })).toBe("--max-depth: expected a whole number of 0 or more, got '-1'");
  });

  it('says where an open range ends (2^53 - 1) when a value is past it, instead of "0 or more"', () => {
    expect(refusal(counts, { ballots: 2, maxDepth: '99999999999999999999' })).toBe("--max-depth: expected a whole number of at most 9007199254740991, got '99999999999999999999'");
    expect(parseOptions(counts, { ballots: 2, maxDepth: '9007199254740991' }).maxDepth).toBe(9007199254740991);
  });
});

describe('seed, positiveNumber, choice, path, flag', () => {
  const schema = z.object({
    seed: seed(), shrink: positiveNumber('seconds'), paths: choice(['coverage', 'random']), out: path(), json: flag().optional(),
  });
  const good = { seed: '7', shrink: '0.5', paths: 'random', out: 'x.jsonl' };

  it('reads a good set into typed values', () => {
    expect(parseOptions(schema, { ...good, json: true })).toEqual({ seed: 7, shrink: 0.5, paths: 'random', out: 'x.jsonl', json: true });
    expect(parseOptions(schema, { ...good, seed: String(SEED_MAX) }).seed).toBe(4_294_967_295);
  });

  it.each([
    [{ seed: 'abc' }, "--seed: expected a seed: a whole number from 0 to 4294967295, got 'abc'"],
    [{ seed: '4294967296' }, "--seed: expected a seed: a whole number from 0 to 4294967295, got '4294967296'"],
    [{ shrink: '0' }, "--shrink: expected a positive number of seconds, got '0'"],
    [{ shrink: 'soon' }, "--shrink: expected a positive number of seconds, got 'soon'"],
    [{ paths: 'all' }, "--paths: expected one of coverage, random, got 'all'"],
    [{ out: '' }, "--out: expected a file name, got ''"],
  ])('refuses %j', (bad, message) => {
    expect(refusal(schema, { ...good, ...bad })).toBe(message);
  });
});

describe('parsedBy', () => {
  const pairs = z.object({ faults: parsedBy((raw) => {
    if (!/^[a-z]+(:\d+)?$/.test(raw)) throw new UserError(`bad fault '${raw}'`);
    return raw.split(':');
  }) });

  it("returns the parser's value", () => {
    expect(parseOptions(pairs, { faults: 'loss:2' })).toEqual({ faults: ['loss', '2'] });
  });

  it("reports the parser's own message (it already names the bad part) under the option", () => {
    expect(refusal(pairs, { faults: 'loss:x' })).toBe("--faults: bad fault 'loss:x'");
  });

  it('lets a bug (a plain Error) through as itself', () => {
    const buggy = z.object({ x: parsedBy(() => { throw new Error('bug'); }) });
    expect(() => parseOptions(buggy, { x: 'a' })).toThrow(/^bug$/);
  });
});

describe('flagOf', () => {
  it('turns attribute names back into long flags', () => {
    expect(['json', 'maxStates', 'quintValueRule'].map(flagOf)).toEqual(['--json', '--max-states', '--quint-value-rule']);
  });
});
