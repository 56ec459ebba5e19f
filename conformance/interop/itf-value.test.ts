/** Tests of ITF value decoding: exact #bigint, any size, bounded depth. */
import { describe, expect, it } from 'vitest';
import { ItfMap, ItfSet, ItfValueError, ItfVariant, MAX_DEPTH, decodeValue, valueKey } from './itf-value.ts';

const at = { file: 'x.itf.json', path: ['states', 0, 'v'] };
const decodeError = (v: unknown) => {
  try {
    decodeValue(v, at);
  } catch (err) {
    expect(err).toBeInstanceOf(ItfValueError);
    return err as ItfValueError;
  }
  throw new Error('accepted');
};

describe('ITF values', () => {
  it('keeps integers beyond 2^53 exact (9007199254740993 stays odd)', () => {
    expect(decodeValue({ '#bigint': '9007199254740993' }, at)).toBe(9007199254740993n);
    expect(decodeValue({ '#bigint': '-12' }, at)).toBe(-12n);
    expect(decodeValue(7, at)).toBe(7n);
  });

  it('refuses {"#bigint": ""}, "0x10", "1.5", " 1" and "+1", naming the #bigint field', () => {
    for (const bad of ['', '0x10', '1.5', ' 1', '+1', '1e3', '01', 16]) {
      const err = decodeError({ '#bigint': bad });
      expect(err.at.path).toEqual(['states', 0, 'v', '#bigint']);
      expect(err.message).toMatch(/#bigint must be a decimal integer/);
    }
  });

  it('refuses plain non-integer numbers (ts: 0.5), which ITF cannot hold', () => {
    expect(decodeError({ ts: 0.5 }).at.path).toEqual(['states', 0, 'v', 'ts']);
  });

  it('decodes sets, maps and Quint variants, and keys a set independently of its order', () => {
    const v = decodeValue({ '#set': [{ tag: 'Msg1a', value: { bal: { '#bigint': '1' } } }, 'x'] }, at);
    expect(v).toBeInstanceOf(ItfSet);
    expect((v as ItfSet).items[0]).toEqual(new ItfVariant('Msg1a', { bal: 1n }));
    expect(valueKey(v)).toBe(valueKey(decodeValue({ '#set': ['x', { tag: 'Msg1a', value: { bal: 1 } }] }, at)));
    expect(decodeValue({ '#map': [['a1', -1]] }, at)).toEqual(new ItfMap([['a1', -1n]]));
  });

  it(`refuses a value nested deeper than ${MAX_DEPTH} levels (5,000 here) instead of overflowing the stack`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(decodeError(deep).message).toMatch(/nested deeper than 200 levels/);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = [ok];
    expect(() => decodeValue(ok, at)).not.toThrow();
  });

  it('refuses unknown #forms and a #bigint with other keys', () => {
    expect(decodeError({ '#foo': 1 }).message).toMatch(/unknown ITF form "#foo"/);
    expect(decodeError({ '#bigint': '1', x: 1 }).message).toMatch(/only key/);
  });
});
