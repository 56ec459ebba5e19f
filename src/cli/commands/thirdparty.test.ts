/** --budget parsing of coordkit thirdparty. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { parseBudget } from './thirdparty.ts';

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
