/**
 * Weights as exact rationals, scaled to integers by their least common denominator, so that
 * deterministic weighted policies get exact proportion checks with fractional weights
 * (0.1 and 0.3 serve 1 : 3). A weight is read as the simplest fraction p/q, q ≤ MAX_DENOMINATOR,
 * equal to the double within 4 ulps (continued fractions: 0.1 is 1/10, π is refused); a weight with no such
 * fraction, or scaled integers whose sum exceeds MAX_SCALED, has no exact period and the
 * caller says so instead of judging.
 */

export const MAX_DENOMINATOR = 1_000_000;
export const MAX_SCALED = 1e12;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The simplest p/q with q ≤ MAX_DENOMINATOR equal to x within 4 ulps, or undefined. */
export function toFraction(x: number): [number, number] | undefined {
  if (!(x >= 0) || !Number.isFinite(x)) return undefined;
  if (Number.isInteger(x)) return [x, 1];
  // Convergents h/k of the continued fraction of x.
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let r = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(r);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > MAX_DENOMINATOR) return undefined;
    if (Math.abs(h1 / k1 - x) <= 4 * Number.EPSILON * x) return [h1, k1];
    const frac = r - a;
    if (frac === 0) return undefined;
    r = 1 / frac;
  }
  return undefined;
}

/** Integer weights in the same proportions, divided by their gcd, or undefined (see header). */
export function integerWeights(weights: readonly number[]): number[] | undefined {
  const fractions = weights.map(toFraction);
  if (fractions.some((f) => f === undefined)) return undefined;
  let lcd = 1;
  for (const [, q] of fractions as [number, number][]) {
    lcd = (lcd / gcd(lcd, q)) * q;
    if (lcd > MAX_SCALED) return undefined;
  }
  const scaled = (fractions as [number, number][]).map(([p, q]) => p * (lcd / q));
  const g = scaled.reduce((a, w) => gcd(a, w), 0);
  if (g === 0) return undefined;
  const out = scaled.map((w) => w / g);
  return out.reduce((a, w) => a + w, 0) > MAX_SCALED ? undefined : out;
}
