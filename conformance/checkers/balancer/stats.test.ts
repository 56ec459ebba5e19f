import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  chiSquareCdf, chiSquareCritical, chiSquarePower, chiSquareSf, coefficientOfVariation, detectableSkew,
  gammaP, gammaQ, jainIndex, logGamma, maxOverMean, sampleSizeToDetect, skewEffect,
} from './stats.ts';

describe('chi-square via the regularized incomplete gamma function', () => {
  it('matches tabulated critical values', () => {
    // (x, df, upper-tail p) from standard chi-square tables
    const table: [number, number, number][] = [
      [3.841, 1, 0.05], [6.635, 1, 0.01], [5.991, 2, 0.05], [11.070, 5, 0.05],
      [18.307, 10, 0.05], [23.209, 10, 0.01], [124.342, 100, 0.05], [10.828, 1, 0.001],
    ];
    for (const [x, df, p] of table) expect(chiSquareSf(x, df)).toBeCloseTo(p, 4);
  });

  it('has the closed forms for 2 degrees of freedom and ln Γ at integers', () => {
    for (const x of [0.1, 1, 5, 30]) expect(chiSquareSf(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  test.prop([fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true })])(
    'P + Q = 1 and both lie in [0, 1]', (a, x) => {
      const p = gammaP(a, x);
      const q = gammaQ(a, x);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
      expect(p + q).toBeCloseTo(1, 9);
    });

  test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })])(
    'the CDF is monotone', (k, x, y) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      expect(chiSquareCdf(lo, k)).toBeLessThanOrEqual(chiSquareCdf(hi, k) + 1e-12);
    });

  test.prop([fc.integer({ min: 1, max: 50 }), fc.double({ min: 1e-6, max: 0.5, noNaN: true })])(
    'the critical value inverts the survival function', (k, alpha) => {
      expect(chiSquareSf(chiSquareCritical(alpha, k), k)).toBeCloseTo(alpha, 6);
    });

  it('rejects undefined arguments instead of returning garbage', () => {
    expect(() => gammaP(0, 1)).toThrow(RangeError);
    expect(() => gammaQ(1, -1)).toThrow(RangeError);
  });
});

describe('power and sample size', () => {
  it('power grows with the noncentrality and equals alpha at zero', () => {
    expect(chiSquarePower(0, 3, 0.01)).toBeCloseTo(0.01, 6);
    expect(chiSquarePower(5, 3, 0.01)).toBeLessThan(chiSquarePower(20, 3, 0.01));
    // Known value: df 1, alpha .05, lambda 7.85 gives power ≈ 0.80
    expect(chiSquarePower(7.85, 1, 0.05)).toBeCloseTo(0.8, 1);
  });

  it('needs about 4x the picks to detect half the skew, and the trace size inverts it', () => {
    const shares = [0.25, 0.25, 0.25, 0.25];
    const n10 = sampleSizeToDetect(skewEffect(shares, 0.1), 3, 0.001, 0.8);
    const n5 = sampleSizeToDetect(skewEffect(shares, 0.05), 3, 0.001, 0.8);
    expect(n5 / n10).toBeGreaterThan(3.5);
    expect(n5 / n10).toBeLessThan(4.5);
    expect(detectableSkew(shares, n10, 0.001, 0.8)).toBeCloseTo(0.1, 2);
  });
});

describe('load spread', () => {
  it('Jain is 1 for equal loads and 1/n when one takes all', () => {
    expect(jainIndex([3, 3, 3])).toBe(1);
    expect(jainIndex([9, 0, 0])).toBeCloseTo(1 / 3, 12);
    expect(coefficientOfVariation([2, 2])).toBe(0);
    expect(maxOverMean([1, 3])).toBe(1.5);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 })])(
    'Jain lies in [1/n, 1]', (xs) => {
      const j = jainIndex(xs);
      expect(j).toBeLessThanOrEqual(1 + 1e-12);
      expect(j).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
    });
});
