/**
 * aggregate: how evenly load was spread. Each backend's picks are compared with its fair
 * share — Σ over stable memberships of (picks in it × its share), the share being weight /
 * total weight for weighted-round-robin and random, 1/N for round-robin (which ignores
 * weights other than 0) — so a backend that was absent half the run or weighs double is
 * not counted as unfair. Figures: max/mean, coefficient of variation and Jain's index of
 * picks / fair share, printed with 6 significant digits.
 *
 * Verdict (round-robin, weighted-round-robin, random only): each backend is first allowed
 * a slack that a correct policy can need, and its count is moved towards its fair share by
 * at most that slack; the verdict fails when Jain's index of the moved ratios is below
 * MIN_JAIN = 0.9, i.e. when the spread cannot be explained by the slack.
 *  - round-robin: 1 pick per stable membership (a segment of L picks serves each backend
 *    ⌊L/N⌋ or ⌈L/N⌉ times); weighted-round-robin: its per-period count w/gcd per segment
 *    (a partial period); so a correct deterministic policy can never fail (rate 0).
 *  - random: Bernstein's bound d = L/3 + √(L²/9 + 2VL), L = ln(2N/α₁), V = Σ picks·p(1−p)
 *    over the segments: each count leaves ±d with probability ≤ α₁/N, so the false-alarm
 *    rate is ≤ α₁ (properties.ts), exactly, for any sample size.
 * Minimum sample: backends whose fair share is below MIN_FAIR_SHARE = 10 picks are left
 * out (named in the figures); with fewer than two left the verdict skips. Least-connections
 * and power-of-two follow the backends' speeds and hash policies the key distribution, so
 * for them the figures are reported without a verdict.
 *
 * Memory: O(N) per backend ever seen.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
import { significanceOf } from './properties.ts';
import { integerWeights } from './rational.ts';
import { coefficientOfVariation, jainIndex, maxOverMean } from './stats.ts';
import { verdictOf } from '../window.ts';

export const MIN_JAIN = 0.9;
export const MIN_FAIR_SHARE = 10;

const sig = (x: number) => Number(x.toPrecision(6));

/** Bernstein's deviation bound for a sum of independent [0,1] draws with variance v, at tail δ. */
export function bernsteinBound(variance: number, delta: number): number {
  const l = Math.log(1 / delta);
  return l / 3 + Math.sqrt((l * l) / 9 + 2 * variance * l);
}

export class AggregateChecker extends BalancerChecker {
  readonly name = 'aggregate';
  private readonly picks = new Map<string, number>();
  private readonly fairShare = new Map<string, number>();
  /** Deterministic slack per backend (picks). */
  private readonly slack = new Map<string, number>();
  /** Binomial variance per backend (random). */
  private readonly variance = new Map<string, number>();
  private segmentPicks = 0;
  private lastLine = 0;
  private noPeriod = 0;
  private readonly policy: BalancerHeader['config']['policy'];

  constructor(header: BalancerHeader) {
    super(header);
    this.policy = header.config.policy;
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (!this.membership.has(e.backend)) return;
    this.picks.set(e.backend, (this.picks.get(e.backend) ?? 0) + 1);
    this.segmentPicks++;
    this.lastLine = line;
  }

  private add(m: Map<string, number>, id: string, x: number): void {
    m.set(id, (m.get(id) ?? 0) + x);
  }

  /** Credits the closing membership's backends with their share of its picks. */
  private settle(): void {
    const n = this.segmentPicks;
    this.segmentPicks = 0;
    if (n === 0) return;
    const members = [...this.membership.members];
    const weighted = this.policy !== 'round-robin';
    const total = weighted ? this.membership.total : members.length;
    const perPeriod = this.policy === 'weighted-round-robin' ? integerWeights(members.map(([, w]) => w)) : undefined;
    if (this.policy === 'weighted-round-robin' && !perPeriod) this.noPeriod++;
    members.forEach(([id, w], i) => {
      const p = (weighted ? w : 1) / total;
      this.add(this.fairShare, id, n * p);
      this.add(this.variance, id, n * p * (1 - p));
      this.add(this.slack, id, perPeriod ? perPeriod[i] : this.policy === 'weighted-round-robin' ? Infinity : 1);
    });
  }

  override event(e: Parameters<BalancerChecker['event']>[0], line: number): void {
    if (e.kind === 'membership') this.settle();
    super.event(e, line);
  }

  end(): Verdict[] {
    this.settle();
    const all = [...this.fairShare.keys()].filter((id) => this.fairShare.get(id)! > 0);
    const ids = all.filter((id) => this.fairShare.get(id)! >= MIN_FAIR_SHARE);
    const small = all.filter((id) => !ids.includes(id));
    const ratios = ids.map((id) => (this.picks.get(id) ?? 0) / this.fairShare.get(id)!);
    const figures: Record<string, number | string | null> = {
      backends: ids.length,
      maxOverMean: ids.length ? sig(maxOverMean(ratios)) : null,
      coefficientOfVariation: ids.length ? sig(coefficientOfVariation(ratios)) : null,
      jainIndex: ids.length ? sig(jainIndex(ratios)) : null,
      minJain: MIN_JAIN,
      picksPerBackend: all.map((id) => `${id}:${this.picks.get(id) ?? 0}/${sig(this.fairShare.get(id)!)}`).join(' '),
      ...(small.length ? { belowMinimumSample: small.join(' ') } : {}),
    };
    const policy = this.policy;
    if (policy === 'hash' || policy === 'consistent-hash') {
      return [{ property: 'aggregate', status: 'skip', note: 'hash policies follow the key distribution: figures only (see hash-balance)', violations: [], figures }];
    }
    if (policy === 'least-connections' || policy === 'power-of-two') {
      return [{ property: 'aggregate', status: 'skip', note: 'load-aware policies follow the backends’ speeds: figures only', violations: [], figures }];
    }
    if (ids.length < 2) {
      return [{ property: 'aggregate', status: 'skip', note: `fewer than 2 backends with a fair share of at least ${MIN_FAIR_SHARE} picks (minimum sample)`, violations: [], figures }];
    }
    const level = significanceOf(this.header.config).level;
    const slackOf = (id: string) => policy === 'random'
      ? bernsteinBound(this.variance.get(id)!, level / (2 * ids.length))
      : this.slack.get(id)!;
    const moved = ids.map((id) => {
      const got = this.picks.get(id) ?? 0;
      const fair = this.fairShare.get(id)!;
      const s = slackOf(id);
      return (got > fair ? Math.max(fair, got - s) : Math.min(fair, got + s)) / fair;
    });
    const jain = jainIndex(moved);
    figures.jainAfterSlack = sig(jain);
    figures.slack = ids.map((id) => `${id}:${sig(slackOf(id))}`).join(' ');
    if (policy === 'random') figures.alpha = sig(level);
    if (this.noPeriod) figures.segmentsWithoutExactPeriod = this.noPeriod;
    if (jain < MIN_JAIN) {
      this.log.report(this.lastLine, `Jain's index ${sig(jain)} < ${MIN_JAIN} even after each backend's slack: picks/fair share ${ids.map((id, i) => `${id}:${sig(ratios[i])}`).join(' ')}`);
    }
    const rate = policy === 'random' ? `false-alarm rate ≤ ${sig(level)} (Bernstein)` : 'exact: a correct policy never fails it';
    return [verdictOf('aggregate', this.log, figures, rate)];
  }
}
