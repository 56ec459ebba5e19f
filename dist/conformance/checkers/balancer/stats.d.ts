/**
 * Statistics for the fairness checkers, implemented here rather than pulled in: the
 * chi-square distribution through the regularized incomplete gamma function, its
 * quantile, the power of the goodness-of-fit test, and load-spread indices.
 */
/** ln Γ(x) by the Lanczos approximation (g = 7), with reflection below 1/2. */
export declare function logGamma(x: number): number;
/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export declare function gammaP(a: number, x: number): number;
/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the far tail. */
export declare function gammaQ(a: number, x: number): number;
/** CDF of the chi-square distribution with k degrees of freedom. */
export declare function chiSquareCdf(x: number, k: number): number;
/** Survival function (the goodness-of-fit p-value) of chi-square with k degrees of freedom. */
export declare function chiSquareSf(x: number, k: number): number;
/** The x with chiSquareSf(x, k) = alpha, by bisection (monotone, so always converges). */
export declare function chiSquareCritical(alpha: number, k: number): number;
/** Pearson's statistic Σ (observed - expected)² / expected over cells with expected > 0. */
export declare function chiSquareStatistic(observed: readonly number[], expected: readonly number[]): number;
/**
 * Power of the chi-square test (k degrees of freedom, level alpha) against an alternative
 * with noncentrality lambda, using Patnaik's approximation of the noncentral chi-square
 * by a scaled central one: c·χ²(ν), c = (k+2λ)/(k+λ), ν = (k+λ)²/(k+2λ).
 */
export declare function chiSquarePower(lambda: number, k: number, alpha: number): number;
/**
 * Cohen's effect size w² = Σ (p1 - p0)² / p0 of the skew where the first backend gets
 * (1 + skew) times its fair share p0[0] and the others give up the excess in proportion.
 */
export declare function skewEffect(fairShares: readonly number[], skew: number): number;
/** Smallest number of picks at which the test detects effect w² with the given power. */
export declare function sampleSizeToDetect(w2: number, k: number, alpha: number, power: number): number;
/** Smallest skew (as a fraction, e.g. 0.1 = 10%) that n picks detect with the given power. */
export declare function detectableSkew(fairShares: readonly number[], n: number, alpha: number, power: number): number;
/** Jain's fairness index (Σx)² / (n·Σx²): 1 when equal, 1/n when one takes everything. */
export declare function jainIndex(xs: readonly number[]): number;
/** Coefficient of variation: population standard deviation over mean. */
export declare function coefficientOfVariation(xs: readonly number[]): number;
export declare function maxOverMean(xs: readonly number[]): number;
