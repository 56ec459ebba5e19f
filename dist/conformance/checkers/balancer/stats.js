/**
 * Statistics for the fairness checkers, implemented here rather than pulled in: the
 * chi-square distribution through the regularized incomplete gamma function, its
 * quantile, the power of the goodness-of-fit test, and load-spread indices.
 */
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
];
/** ln Γ(x) by the Lanczos approximation (g = 7), with reflection below 1/2. */
export function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    const z = x - 1;
    let sum = LANCZOS[0];
    for (let i = 1; i < LANCZOS.length; i++)
        sum += LANCZOS[i] / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITER = 10_000;
/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export function gammaP(a, x) {
    if (!(a > 0) || x < 0 || Number.isNaN(x))
        throw new RangeError(`gammaP(${a}, ${x}) is undefined`);
    if (x === 0)
        return 0;
    if (x === Infinity)
        return 1;
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}
/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the far tail. */
export function gammaQ(a, x) {
    if (!(a > 0) || x < 0 || Number.isNaN(x))
        throw new RangeError(`gammaQ(${a}, ${x}) is undefined`);
    if (x === 0)
        return 1;
    if (x === Infinity)
        return 0;
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}
/** Prefactor x^a e^-x / Γ(a), in logs to avoid overflow. */
function prefactor(a, x) {
    return Math.exp(a * Math.log(x) - x - logGamma(a));
}
/** P(a, x) = prefactor/a · Σ x^n / ((a+1)…(a+n)); converges fast for x < a + 1. */
function gammaSeries(a, x) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPS)
            break;
    }
    return Math.min(1, sum * prefactor(a, x));
}
/** Q(a, x) by its continued fraction (modified Lentz); converges fast for x ≥ a + 1. */
function gammaContinuedFraction(a, x) {
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITER; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = b + an / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < EPS)
            break;
    }
    return Math.min(1, h * prefactor(a, x));
}
/** CDF of the chi-square distribution with k degrees of freedom. */
export function chiSquareCdf(x, k) {
    return x <= 0 ? 0 : gammaP(k / 2, x / 2);
}
/** Survival function (the goodness-of-fit p-value) of chi-square with k degrees of freedom. */
export function chiSquareSf(x, k) {
    return x <= 0 ? 1 : gammaQ(k / 2, x / 2);
}
/** The x with chiSquareSf(x, k) = alpha, by bisection (monotone, so always converges). */
export function chiSquareCritical(alpha, k) {
    let lo = 0;
    let hi = Math.max(1, k);
    while (chiSquareSf(hi, k) > alpha)
        hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (chiSquareSf(mid, k) > alpha)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
/** Pearson's statistic Σ (observed - expected)² / expected over cells with expected > 0. */
export function chiSquareStatistic(observed, expected) {
    let x = 0;
    for (let i = 0; i < observed.length; i++) {
        if (expected[i] > 0)
            x += (observed[i] - expected[i]) ** 2 / expected[i];
    }
    return x;
}
/**
 * Power of the chi-square test (k degrees of freedom, level alpha) against an alternative
 * with noncentrality lambda, using Patnaik's approximation of the noncentral chi-square
 * by a scaled central one: c·χ²(ν), c = (k+2λ)/(k+λ), ν = (k+λ)²/(k+2λ).
 */
export function chiSquarePower(lambda, k, alpha) {
    const critical = chiSquareCritical(alpha, k);
    if (lambda <= 0)
        return alpha;
    const c = (k + 2 * lambda) / (k + lambda);
    const nu = (k + lambda) ** 2 / (k + 2 * lambda);
    return gammaQ(nu / 2, critical / (2 * c));
}
/**
 * Cohen's effect size w² = Σ (p1 - p0)² / p0 of the skew where the first backend gets
 * (1 + skew) times its fair share p0[0] and the others give up the excess in proportion.
 */
export function skewEffect(fairShares, skew) {
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
export function sampleSizeToDetect(w2, k, alpha, power) {
    if (!(w2 > 0) || k < 1)
        return Infinity;
    const enough = (n) => chiSquarePower(n * w2, k, alpha) >= power;
    let hi = 1;
    while (!enough(hi)) {
        hi *= 2;
        if (hi > 2 ** 52)
            return Infinity;
    }
    let lo = Math.floor(hi / 2);
    while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (enough(mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
/** Smallest skew (as a fraction, e.g. 0.1 = 10%) that n picks detect with the given power. */
export function detectableSkew(fairShares, n, alpha, power) {
    const k = fairShares.length - 1;
    if (k < 1 || n <= 0)
        return Infinity;
    const detects = (s) => chiSquarePower(n * skewEffect(fairShares, s), k, alpha) >= power;
    const maxSkew = 1 / fairShares[0] - 1; // the first backend gets everything
    if (!detects(maxSkew))
        return Infinity;
    let lo = 0;
    let hi = maxSkew;
    for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (detects(mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
/** Jain's fairness index (Σx)² / (n·Σx²): 1 when equal, 1/n when one takes everything. */
export function jainIndex(xs) {
    const sum = xs.reduce((a, x) => a + x, 0);
    const squares = xs.reduce((a, x) => a + x * x, 0);
    return squares === 0 ? 1 : (sum * sum) / (xs.length * squares);
}
/** Coefficient of variation: population standard deviation over mean. */
export function coefficientOfVariation(xs) {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    if (mean === 0)
        return 0;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
    return Math.sqrt(variance) / mean;
}
export function maxOverMean(xs) {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    return mean === 0 ? 1 : Math.max(...xs) / mean;
}
