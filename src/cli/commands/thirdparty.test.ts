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
});
