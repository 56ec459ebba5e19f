/** Option values of coordkit thirdparty: --budget's grammar, --self-test's count. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { DEFAULT_BUDGET, DEFAULT_SEED, parseBudget, thirdpartyOptions } from './thirdparty.ts';

describe('coordkit thirdparty --budget', () => {
  it('reads 300 scenarios, 20 seconds, or both', () => {
    expect(parseBudget('300')).toEqual({ scenarios: 300 });
    expect(parseBudget('20s')).toEqual({ seconds: 20 });
    expect(parseBudget('300,20s')).toEqual({ scenarios: 300, seconds: 20 });
  });
  it('rejects anything else as a user error naming the option', () => {
    expect(() => parseBudget('fast')).toThrow(UserError);
    expect(() => parseBudget('0')).toThrow(/--budget|bad budget/);
  });
  it('rejects a fractional count (2.5, once floored to 2) and a limit given twice (300,400)', () => {
    expect(() => parseBudget('2.5')).toThrow('bad budget "2.5"');
    expect(() => parseBudget('300,400')).toThrow('bad budget "400"');
    expect(() => parseBudget('5s,10s')).toThrow('bad budget "10s"');
    expect(parseBudget('2.5s')).toEqual({ seconds: 2.5 });
  });
});

describe('coordkit thirdparty options', () => {
  // As commander fills them with no option given (its defaults are strings).
  const defaults = { out: 'traces/third-party', readme: 'README.md', budget: DEFAULT_BUDGET, shrink: '3', seed: String(DEFAULT_SEED), timeout: '2000', python: true };

  it('reads the defaults: budget 300 scenarios or 5 s, shrink 3 s, seed 20261201, no self-test', () => {
    expect(parseOptions(thirdpartyOptions, defaults)).toEqual({
      ...defaults, budget: { text: '300,5s', limits: { scenarios: 300, seconds: 5 } }, shrink: 3, seed: 20261201, timeout: 2000,
    });
  });

  it('--self-test alone runs 1,000 scenarios, --self-test 5 five; 2.5 and 0 are refused', () => {
    expect(parseOptions(thirdpartyOptions, { ...defaults, selfTest: true }).selfTest).toBe(1000);
    expect(parseOptions(thirdpartyOptions, { ...defaults, selfTest: '5' }).selfTest).toBe(5);
    for (const bad of ['2.5', '0']) {
      expect(() => parseOptions(thirdpartyOptions, { ...defaults, selfTest: bad })).toThrow(`expected a whole number of 1 or more, got '${bad}'`);
    }
  });

  it('--no-readme is accepted; an empty --readme, a negative --seed and --timeout 0 are not', () => {
    expect(parseOptions(thirdpartyOptions, { ...defaults, readme: false }).readme).toBe(false);
    expect(() => parseOptions(thirdpartyOptions, { ...defaults, readme: '' })).toThrow("expected a file name, got ''");
    expect(() => parseOptions(thirdpartyOptions, { ...defaults, seed: '-1' })).toThrow(UserError);
    expect(() => parseOptions(thirdpartyOptions, { ...defaults, timeout: '0' })).toThrow("expected a positive number of milliseconds, got '0'");
    // 3e9 ms would overflow Node's 32-bit timer and time every call out after 1 ms.
    expect(() => parseOptions(thirdpartyOptions, { ...defaults, timeout: '3000000000' })).toThrow("expected a positive number of milliseconds, at most 600000, got '3000000000'");
    expect(parseOptions(thirdpartyOptions, { ...defaults, timeout: '600000' }).timeout).toBe(600000);
  });
});
