import { describe, expect, it } from 'vitest';
import { unfixedContext } from './unfixed-context.ts';

describe('unfixedContext: the context fields worth showing', () => {
  it('leaves out the 2 fields that still hold their input values, keeps the 1 the input does not name', () => {
    expect(unfixedContext({ coordinator: 'c', peers: ['a', 'b'], voted: null }, { coordinator: 'c', peers: ['a', 'b'] })).toEqual({ voted: null });
  });

  it('keeps a field initialised from the input once it changed (a balance of 2 written to 1)', () => {
    expect(unfixedContext({ amount: 1 }, { amount: 2 })).toEqual({ amount: 1 });
    expect(unfixedContext({ amount: 2 }, { amount: 2 })).toEqual({});
    expect(unfixedContext({ peers: ['b', 'a'] }, { peers: ['a', 'b'] })).toEqual({ peers: ['b', 'a'] });
  });

  it('shows everything when there is no input', () => {
    expect(unfixedContext({ n: 0 }, undefined)).toEqual({ n: 0 });
  });
});
