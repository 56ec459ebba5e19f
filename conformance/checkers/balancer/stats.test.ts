import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  betaBinomial, binomial, chiSquareCdf, chiSquareCritical, chiSquarePower, chiSquareSf, coefficientOfVariation, detectableSkew,
  gammaP, gammaQ, jainIndex, logGamma, lowerCritical, lowerTail, maxOverMean, sampleSizeToDetect, skewEffect, twoSidedP,
  upperCritical, upperTail,
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

  it('keeps full precision at tiny α and large df, where the former hand-written version drifted', () => {
    // Reference values from inverting the upper tail, each checked by the forward function.
    expect(chiSquareCritical(1e-12, 1)).toBeCloseTo(50.84412791, 6);
    expect(chiSquareSf(chiSquareCritical(1e-12, 1), 1) / 1e-12).toBeCloseTo(1, 9);
    expect(chiSquareCritical(1e-7, 4032)).toBeCloseTo(4516.450336, 4);
    expect(chiSquareSf(4516.450336, 4032) / 1e-7).toBeCloseTo(1, 5);
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

describe('exact discrete tails (hash balance, consistent-hash movement)', () => {
  it('binomial tails: P(X ≥ 8 | n 10, p ½) = 56/1024, P(X ≤ 2) the same by symmetry', () => {
    expect(upperTail(binomial(10, 0.5), 8)).toBeCloseTo(56 / 1024, 14);
    expect(lowerTail(binomial(10, 0.5), 2)).toBeCloseTo(56 / 1024, 14);
    expect(twoSidedP(binomial(10, 0.5), 8)).toBeCloseTo(112 / 1024, 14);
  });

  it('beta-binomial(n, 1, 1) is uniform on 0..n: P(X ≥ 7 | n 9) = 3/10', () => {
    expect(upperTail(betaBinomial(9, 1, 1), 7)).toBeCloseTo(0.3, 12);
  });

  test.prop([fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.5, max: 200, noNaN: true }), fc.double({ min: 0.5, max: 200, noNaN: true })])(
    'beta-binomial probabilities sum to 1 and its mean is n·a/(a+b)', (n, a, b) => {
      const d = betaBinomial(n, a, b);
      let sum = 0;
      let mean = 0;
      for (let k = 0; k <= n; k++) { const p = Math.exp(d.logPmf(k)); sum += p; mean += k * p; }
      expect(sum).toBeCloseTo(1, 9);
      expect(mean).toBeCloseTo((n * a) / (a + b), 6);
    });

  test.prop([fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 1e-9, max: 0.2, noNaN: true })])(
    'critical values are the tightest with tail ≤ δ', (n, p, delta) => {
      const d = binomial(n, p);
      const hi = upperCritical(d, delta);
      expect(upperTail(d, hi)).toBeLessThanOrEqual(delta);
      if (hi > 0) expect(upperTail(d, hi - 1)).toBeGreaterThan(delta);
      const lo = lowerCritical(d, delta);
      if (lo >= 0) expect(lowerTail(d, lo)).toBeLessThanOrEqual(delta);
      if (lo < n) expect(lowerTail(d, lo + 1)).toBeGreaterThan(delta);
    });
});
