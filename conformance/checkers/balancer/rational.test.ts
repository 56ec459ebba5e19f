/** Fractional weights as exact rationals, the basis of the exact WRR check with weights such as 0.1 and 0.3. */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { integerWeights, toFraction } from './rational.ts';

describe('weights as exact rationals', () => {
  it('reads 0.1 as 1/10 and scales 0.1, 0.3 to 1, 3 and 0.25, 1.5, 0.1 to 5, 30, 2', () => {
    expect(toFraction(0.1)).toEqual([1, 10]);
    expect(integerWeights([0.1, 0.3])).toEqual([1, 3]);
    expect(integerWeights([0.25, 1.5, 0.1])).toEqual([5, 30, 2]);
    expect(integerWeights([6, 4])).toEqual([3, 2]);
  });

  it('refuses a weight with no fraction of denominator ≤ 10^6 (π)', () => {
    expect(integerWeights([Math.PI, 1])).toBeUndefined();
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 })])(
    'integer weights divided by any common denominator scale back to the same proportions', (ws, d) => {
      const back = integerWeights(ws.map((w) => w / d))!;
      const g = ws.reduce((a, w) => { let [x, y] = [a, w]; while (y) [x, y] = [y, x % y]; return x; }, 0);
      expect(back).toEqual(ws.map((w) => w / g));
    });
});
