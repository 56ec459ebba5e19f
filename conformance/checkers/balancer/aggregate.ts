/**
 * aggregate: how evenly load was spread. Each backend's picks are divided by its fair
 * share — Σ over stable memberships of (picks in it × its weight / total weight) — so a
 * backend that was absent half the run or weighs double is not counted as unfair. Over
 * those ratios: max/mean, coefficient of variation and Jain's index. Load-spreading
 * policies fail below MIN_JAIN; hash policies follow the key distribution, so for them
 * the figures are reported without a verdict.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker } from './base.ts';
import { coefficientOfVariation, jainIndex, maxOverMean } from './stats.ts';
import { round } from './support.ts';
import { verdictOf } from '../window.ts';

export const MIN_JAIN = 0.9;

export class AggregateChecker extends BalancerChecker {
  readonly name = 'aggregate';
  private readonly picks = new Map<string, number>();
  private readonly fairShare = new Map<string, number>();
  private segmentPicks = 0;
  private lastLine = 0;

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (!this.membership.has(e.backend)) return;
    this.picks.set(e.backend, (this.picks.get(e.backend) ?? 0) + 1);
    this.segmentPicks++;
    this.lastLine = line;
  }

  /** Credits the closing membership's backends with their share of its picks. */
  private settle(): void {
    const total = [...this.membership.members.values()].reduce((a, w) => a + w, 0);
    for (const [id, w] of this.membership.members) {
      this.fairShare.set(id, (this.fairShare.get(id) ?? 0) + (this.segmentPicks * w) / total);
    }
    this.segmentPicks = 0;
  }

  override event(e: Parameters<BalancerChecker['event']>[0], line: number): void {
    if (e.kind === 'membership') this.settle();
    super.event(e, line);
  }

  end(): Verdict[] {
    this.settle();
    const ids = [...this.fairShare.keys()].filter((id) => this.fairShare.get(id)! > 0);
    const ratios = ids.map((id) => (this.picks.get(id) ?? 0) / this.fairShare.get(id)!);
    const figures = {
      backends: ids.length,
      maxOverMean: ids.length ? round(maxOverMean(ratios)) : null,
      coefficientOfVariation: ids.length ? round(coefficientOfVariation(ratios)) : null,
      jainIndex: ids.length ? round(jainIndex(ratios)) : null,
      picksPerBackend: ids.map((id) => `${id}:${this.picks.get(id) ?? 0}`).join(' '),
    };
    const policy = this.header.config.policy;
    if (policy === 'hash' || policy === 'consistent-hash') {
      return [{ property: 'aggregate', status: 'skip', note: 'hash policies follow the key distribution: figures only', violations: [], figures }];
    }
    if (ids.length === 0) return [{ property: 'aggregate', status: 'skip', note: 'no picks', violations: [], figures }];
    const jain = jainIndex(ratios);
    if (jain < MIN_JAIN) this.log.report(this.lastLine, `Jain's index ${round(jain)} is below ${MIN_JAIN}: load per fair share is ${ids.map((id, i) => `${id}:${round(ratios[i], 2)}`).join(' ')}`);
    return [verdictOf('aggregate', this.log, figures)];
  }
}
