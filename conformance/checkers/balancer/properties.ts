/**
 * The balancer properties, by policy, as a typed table for harnesses and docs: which
 * property names a trace of a policy is judged by, which of them are statistical, and the
 * false-alarm level each statistical verdict runs at.
 *
 * Multiple testing: a harness that judges S traces sets `alpha` (the family-wise
 * false-alarm rate it wants over all of them) and `scenarios: S` in the header config.
 * Each statistical verdict of a trace then runs at the Šidák level
 *   α₁ = 1 − (1 − alpha)^(1 / (S · m)),
 * m being the number of statistical verdicts its policy has, so that when every
 * implementation is correct the chance of any false alarm over the S traces is at most
 * `alpha` (exactly `alpha` for independent tests, at most `alpha` otherwise: Šidák is
 * valid for positively dependent tests and never more than Bonferroni's α/(S·m) away).
 * Defaults: alpha 0.001, scenarios 1.
 */
import type { BalancerHeader } from './base.ts';

export type Policy = BalancerHeader['config']['policy'];

export const DEFAULT_ALPHA = 0.001;

export interface BalancerProperty {
  name: string;
  /** True when the verdict is a hypothesis test: it can false-alarm with probability ≤ its level. */
  statistical: boolean;
  /** One line: what it checks and its threshold. */
  summary: string;
}

const p = (name: string, statistical: boolean, summary: string): BalancerProperty => ({ name, statistical, summary });

const common = {
  validity: p('pick-validity', false, 'a pick names a current backend, a request is picked once, a done closes an open request on its backend, P2C candidates are current and include the chosen one'),
  zero: p('zero-weight-never-picked', false, 'a backend whose weight is 0 is never picked (nor offered as a P2C candidate)'),
};
const hashing = [
  p('hash-stable', false, 'with stable membership, one instance sends a key to one backend'),
  p('hash-deterministic', false, 'with stable membership, every instance (pick `instance`) sends a key to the same backend'),
  p('hash-balance', true, 'distinct keys per backend: no backend above the upper α₁/N quantile of its load (binomial for hash, beta-binomial from the vnode count for consistent-hash)'),
];

const byPolicy: Record<Policy, BalancerProperty[]> = {
  'round-robin': [
    p('round-robin-order', false, 'with stable membership every window of N picks is a permutation, in one cyclic order'),
    p('round-robin-membership', false, 'across a change no backend is skipped or served twice within a window'),
  ],
  'weighted-round-robin': [
    p('wrr-proportions', false, 'every period of Σw/gcd picks serves each backend exactly w/gcd times (rational weights scaled to integers by their least common denominator)'),
  ],
  random: [
    p('random-uniformity', true, "Pearson's chi-square of picks against the weights, p ≥ α₁"),
    p('random-independence', true, "Good's serial test on consecutive pairs, p ≥ α₁"),
  ],
  'least-connections': [
    p('least-connections', false, 'the chosen backend had the fewest in-flight requests per unit of weight'),
    p('lc-tie-fairness', true, "among tied minima no backend wins more than its share: Bernstein bound at α₁/N per backend"),
  ],
  'power-of-two': [
    p('p2c-distinct-candidates', false, 'the two candidates are distinct backends when at least two can be picked'),
    p('p2c-less-loaded', false, 'the chosen candidate is not the more loaded of the two'),
  ],
  hash: hashing,
  'consistent-hash': [
    ...hashing,
    p('consistent-hash-movement', false, 'a key moves only off a backend that left or lost weight, or onto one that joined or gained weight'),
    p('consistent-hash-add-share', true, 'on a pure addition, the keys moved fit the newcomers’ ring share: two-sided beta-binomial test at α₁'),
  ],
};

/** aggregate is a hypothesis test only for random (a statistical slack); elsewhere exact or figures only. */
const aggregate = (policy: Policy) => p('aggregate', policy === 'random',
  "Jain's index of picks per fair share, after allowing each backend its discreteness (deterministic policies) or Bernstein (random) slack, ≥ 0.9; figures only for load-aware and hash policies");

/** Every property a trace of `policy` is judged by, in verdict order. */
export function balancerProperties(policy: Policy): BalancerProperty[] {
  return [common.validity, common.zero, ...byPolicy[policy], aggregate(policy)];
}

/** Šidák's per-verdict level for m tests in each of `scenarios` traces at family-wise `alpha`. */
export function sidak(alpha: number, tests: number): number {
  if (tests <= 1) return alpha;
  // -expm1(log1p(-alpha)/t) is 1 - (1-alpha)^(1/t) without cancellation for tiny alpha.
  return -Math.expm1(Math.log1p(-alpha) / tests);
}

export interface Significance {
  /** Family-wise rate asked for. */
  alpha: number;
  scenarios: number;
  /** Statistical verdicts per trace of this policy. */
  tests: number;
  /** The level each statistical verdict runs at. */
  level: number;
}

/** The false-alarm level of each statistical verdict of a trace with this header. */
export function significanceOf(config: BalancerHeader['config']): Significance {
  const alpha = config.alpha ?? DEFAULT_ALPHA;
  const scenarios = config.scenarios ?? 1;
  const tests = Math.max(1, balancerProperties(config.policy).filter((x) => x.statistical).length);
  return { alpha, scenarios, tests, level: sidak(alpha, scenarios * tests) };
}

/** Header config fields a harness sets to judge `scenarios` traces at family-wise `alpha`. */
export function multipleTesting(scenarios: number, alpha = DEFAULT_ALPHA): { alpha: number; scenarios: number } {
  if (!(scenarios >= 1) || !Number.isInteger(scenarios)) throw new RangeError(`scenarios must be a positive integer, got ${scenarios}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  return { alpha, scenarios };
}
