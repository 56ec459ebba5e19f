/**
 * Statistics for the fairness checkers. The chi-square distribution comes from @stdlib's
 * regularized incomplete gamma function and its inverse (a well-kept registry package,
 * replacing a hand-written Lanczos/Lentz version that was measured to drift at large
 * degrees of freedom: at 4,032 df and α = 1e-7 its critical value was 4516.38 against
 * 4516.45). The critical value inverts the upper tail directly (gammaincinv with
 * upper = true), which keeps full precision at tiny α where 1 − α would not. Here: the
 * power of the goodness-of-fit test, exact binomial and beta-binomial tails (for hash
 * balance and consistent-hash movement), and load-spread indices.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import gammaln from '@stdlib/math-base-special-gammaln';

/** ln Γ(x). */
export function logGamma(x: number): number {
  return gammaln(x);
}

function checkGamma(a: number, x: number, name: string): void {
  if (!(a > 0) || x < 0 || Number.isNaN(x)) throw new RangeError(`${name}(${a}, ${x}) is undefined`);
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export function gammaP(a: number, x: number): number {
  checkGamma(a, x, 'gammaP');
  return x === Infinity ? 1 : gammainc(x, a, true, false);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the far tail. */
export function gammaQ(a: number, x: number): number {
  checkGamma(a, x, 'gammaQ');
  return x === Infinity ? 0 : gammainc(x, a, true, true);
}

/** CDF of the chi-square distribution with k degrees of freedom. */
export function chiSquareCdf(x: number, k: number): number {
  return x <= 0 ? 0 : gammaP(k / 2, x / 2);
}

/** Survival function (the goodness-of-fit p-value) of chi-square with k degrees of freedom. */
export function chiSquareSf(x: number, k: number): number {
  return x <= 0 ? 1 : gammaQ(k / 2, x / 2);
}

/** The x with chiSquareSf(x, k) = alpha. */
export function chiSquareCritical(alpha: number, k: number): number {
  if (!(alpha > 0 && alpha < 1) || !(k > 0)) throw new RangeError(`chiSquareCritical(${alpha}, ${k}) is undefined`);
  return 2 * gammaincinv(alpha, k / 2, true);
}

/** Pearson's statistic Σ (observed - expected)² / expected over cells with expected > 0. */
export function chiSquareStatistic(observed: readonly number[], expected: readonly number[]): number {
  let x = 0;
  for (let i = 0; i < observed.length; i++) {
    if (expected[i] > 0) x += (observed[i] - expected[i]) ** 2 / expected[i];
  }
  return x;
}

/**
 * Power of the chi-square test (k degrees of freedom, level alpha) against an alternative
 * with noncentrality lambda, using Patnaik's approximation of the noncentral chi-square
 * by a scaled central one: c·χ²(ν), c = (k+2λ)/(k+λ), ν = (k+λ)²/(k+2λ).
 */
export function chiSquarePower(lambda: number, k: number, alpha: number): number {
  const critical = chiSquareCritical(alpha, k);
  if (lambda <= 0) return alpha;
  const c = (k + 2 * lambda) / (k + lambda);
  const nu = (k + lambda) ** 2 / (k + 2 * lambda);
  return gammaQ(nu / 2, critical / (2 * c));
}

/**
 * Cohen's effect size w² = Σ (p1 - p0)² / p0 of the skew where the first backend gets
 * (1 + skew) times its fair share p0[0] and the others give up the excess in proportion.
 */
export function skewEffect(fairShares: readonly number[], skew: number): number {
  const p0 = fairShares[0];
  const extra = p0 * skew;
  const rest = 1 - p0;
  let w2 = extra ** 2 / p0;
  for (let i = 1; i < fairShares.length; i++) {
    const delta = rest > 0 ? -extra * (fairShares[i] / rest) : 0;
    w2 += delta ** 2 / fairShares[i];
  }
  return w2;
}

/** Smallest number of picks at which the test detects effect w² with the given power. */
export function sampleSizeToDetect(w2: number, k: number, alpha: number, power: number): number {
  if (!(w2 > 0) || k < 1) return Infinity;
  const enough = (n: number) => chiSquarePower(n * w2, k, alpha) >= power;
  let hi = 1;
  while (!enough(hi)) {
    hi *= 2;
    if (hi > 2 ** 52) return Infinity;
  }
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Smallest skew (as a fraction, e.g. 0.1 = 10%) that n picks detect with the given power. */
export function detectableSkew(fairShares: readonly number[], n: number, alpha: number, power: number): number {
  const k = fairShares.length - 1;
  if (k < 1 || n <= 0) return Infinity;
  const detects = (s: number) => chiSquarePower(n * skewEffect(fairShares, s), k, alpha) >= power;
  const maxSkew = 1 / fairShares[0] - 1; // the first backend gets everything
  if (!detects(maxSkew)) return Infinity;
  let lo = 0;
  let hi = maxSkew;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (detects(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Jain's fairness index (Σx)² / (n·Σx²): 1 when equal, 1/n when one takes everything. */
export function jainIndex(xs: readonly number[]): number {
  const sum = xs.reduce((a, x) => a + x, 0);
  const squares = xs.reduce((a, x) => a + x * x, 0);
  return squares === 0 ? 1 : (sum * sum) / (xs.length * squares);
}

/** Coefficient of variation: population standard deviation over mean. */
export function coefficientOfVariation(xs: readonly number[]): number {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  if (mean === 0) return 0;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) / mean;
}

export function maxOverMean(xs: readonly number[]): number {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return mean === 0 ? 1 : Math.max(...xs) / mean;
}

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/** ln of the binomial(n, p) probability of k. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** ln of the beta-binomial(n, a, b) probability of k: k successes out of n when the success
 * probability is itself Beta(a, b) distributed (a ring share, then keys landing in it). */
export function betaBinomialLogPmf(k: number, n: number, a: number, b: number): number {
  const betaln = (x: number, y: number) => gammaln(x) + gammaln(y) - gammaln(x + y);
  return logChoose(n, k) + betaln(k + a, n - k + b) - betaln(a, b);
}

/** A discrete distribution on 0..n, given by its log pmf. */
export interface Discrete { n: number; logPmf: (k: number) => number }

export const binomial = (n: number, p: number): Discrete => ({ n, logPmf: (k) => binomialLogPmf(k, n, p) });
export const betaBinomial = (n: number, a: number, b: number): Discrete => ({ n, logPmf: (k) => betaBinomialLogPmf(k, n, a, b) });

/**
 * Σ pmf(k) from k = `from` outward in direction `step` (+1 up, -1 down) to the support's end,
 * summed exactly; the pmf is unimodal, so stop once terms fall below what still counts.
 */
function tailSum(d: Discrete, from: number, step: 1 | -1): number {
  let sum = 0;
  let prev = -Infinity;
  for (let k = from; k >= 0 && k <= d.n; k += step) {
    const t = Math.exp(d.logPmf(k));
    sum += t;
    if (t < prev && t < sum * 1e-17) break;
    prev = t;
  }
  return Math.min(1, sum);
}

/** P(X ≥ c). */
export function upperTail(d: Discrete, c: number): number {
  if (c <= 0) return 1;
  if (c > d.n) return 0;
  return tailSum(d, Math.ceil(c), 1);
}

/** P(X ≤ c). */
export function lowerTail(d: Discrete, c: number): number {
  if (c < 0) return 0;
  if (c >= d.n) return 1;
  return tailSum(d, Math.floor(c), -1);
}

/** Smallest c with P(X ≥ c) ≤ tail (n + 1 when even X = n is likelier than tail). */
export function upperCritical(d: Discrete, tail: number): number {
  let lo = 0;
  let hi = d.n + 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (upperTail(d, mid) <= tail) hi = mid;
    else lo = mid;
  }
  return upperTail(d, lo) <= tail ? lo : hi;
}

/** Largest c with P(X ≤ c) ≤ tail (-1 when even X = 0 is likelier than tail). */
export function lowerCritical(d: Discrete, tail: number): number {
  let lo = -1;
  let hi = d.n;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (lowerTail(d, mid) <= tail) lo = mid;
    else hi = mid;
  }
  return lowerTail(d, hi) <= tail ? hi : lo;
}

/** Two-sided p-value of x: twice the smaller tail, capped at 1. */
export function twoSidedP(d: Discrete, x: number): number {
  return Math.min(1, 2 * Math.min(upperTail(d, x), lowerTail(d, x)));
}
