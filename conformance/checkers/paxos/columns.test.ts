import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { at, column, put } from './columns.ts';

describe('columns', () => {
  test.prop([fc.array(fc.tuple(fc.nat(3000), fc.oneof(fc.integer({ min: -200, max: 200 }), fc.integer(), fc.maxSafeInteger(), fc.constant(Number.MIN_SAFE_INTEGER))), { maxLength: 200 })])(
    'every value stored reads back, whatever width the column had to take', (puts) => {
      let c = column();
      const model = new Map<number, number>();
      for (const [i, x] of puts) {
        c = put(c, i, x);
        model.set(i, x);
      }
      for (const [i, x] of model) expect(at(c, i)).toBe(x);
      expect(at(c, 5000)).toBe(0);
    });

  it('1,000 values below 128 cost a byte each (1,024 bytes); one of 2^31 widens the column to doubles', () => {
    let c = column();
    for (let i = 0; i < 1000; i++) c = put(c, i, i % 128);
    expect(c.byteLength).toBe(1024);
    c = put(c, 3, 2 ** 31);
    expect(c.byteLength).toBe(8 * 1024);
    expect([at(c, 3), at(c, 999)]).toEqual([2 ** 31, 999 % 128]);
  });
});
