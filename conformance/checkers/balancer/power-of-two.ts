/**
 * p2c-less-loaded: power of two choices never sends a request to the more loaded of its
 * two sampled candidates (in-flight per unit of weight, reconstructed from pick and done
 * events). p2c-distinct-candidates: when at least two backends can be picked (weight > 0),
 * the two candidates are two different backends; sampling one backend twice degrades P2C
 * to random on that pick. Both need the `candidates` field on picks; without it they skip.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, InflightCounts } from './base.ts';
import { ViolationLog, verdictOf } from '../window.ts';

export class PowerOfTwoChecker extends BalancerChecker {
  readonly name = 'power-of-two';
  private readonly inflight = new InflightCounts();
  private readonly distinctLog = new ViolationLog(this.window);
  /** Picks with two candidates while two or more backends could be picked. */
  private distinctJudged = 0;
  private judged = 0;
  private unjudged = 0;
  private contested = 0;

  private load(id: string): number {
    return this.inflight.count(id) / (this.membership.members.get(id) ?? 1);
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    const c = e.candidates;
    if (c && this.membership.size >= 2) {
      this.distinctJudged++;
      if (c.length !== 2 || c[0] === c[1]) {
        this.distinctLog.report(line, `candidates ${c.join(', ')} are not two distinct backends, though ${this.membership.size} can be picked`);
      }
    }
    if (!c || c.length !== 2 || !c.includes(e.backend)) {
      this.unjudged++;
    } else {
      this.judged++;
      const other = c[0] === e.backend ? c[1] : c[0];
      if (this.load(other) !== this.load(e.backend)) this.contested++;
      if (this.load(e.backend) > this.load(other)) {
        this.log.report(line, `chose ${e.backend} (${this.inflight.count(e.backend)} in flight) over the less loaded candidate ${other} (${this.inflight.count(other)})`);
      }
    }
    this.inflight.pick(e.request, e.backend);
  }

  protected override onDone(e: EventOf<'done'>): void {
    this.inflight.done(e.request);
  }

  end(): Verdict[] {
    const figures = { picksJudged: this.judged, picksWithoutCandidates: this.unjudged, contestedPicks: this.contested };
    const distinct = this.distinctJudged === 0
      ? { property: 'p2c-distinct-candidates', status: 'skip' as const, note: 'no pick names its candidates while two or more backends could be picked', violations: [], figures: { picksJudged: 0 } }
      : verdictOf('p2c-distinct-candidates', this.distinctLog, { picksJudged: this.distinctJudged });
    if (this.judged === 0) {
      return [distinct, { property: 'p2c-less-loaded', status: 'skip', note: 'no pick names its two candidates', violations: [], figures }];
    }
    return [distinct, verdictOf('p2c-less-loaded', this.log, figures)];
  }
}
