/**
 * least-connections: the chosen backend had the fewest in-flight requests (per unit of
 * weight) among the current backends at pick time, with in-flight counts reconstructed
 * from the pick and done events. Memory: one entry per open request and per backend.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, InflightCounts } from './base.ts';
import { verdictOf } from '../window.ts';

export class LeastConnectionsChecker extends BalancerChecker {
  readonly name = 'least-connections';
  private readonly inflight = new InflightCounts();
  private picks = 0;
  private contested = 0;

  private load(id: string): number {
    return this.inflight.count(id) / (this.membership.members.get(id) ?? 1);
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (this.membership.has(e.backend)) {
      this.picks++;
      let min = Infinity;
      let argmin = '';
      let distinct = false;
      for (const id of this.membership.members.keys()) {
        const l = this.load(id);
        if (min !== Infinity && l !== min) distinct = true;
        if (l < min) { min = l; argmin = id; }
      }
      if (distinct) this.contested++;
      const chosen = this.load(e.backend);
      if (chosen > min) {
        this.log.report(line, `${e.backend} had ${this.inflight.count(e.backend)} in flight, but ${argmin} had only ${this.inflight.count(argmin)}`);
      }
    }
    this.inflight.pick(e.request, e.backend);
  }

  protected override onDone(e: EventOf<'done'>): void {
    this.inflight.done(e.request);
  }

  end(): Verdict[] {
    // Picks where the loads differed are the ones that test anything.
    return [verdictOf('least-connections', this.log, { picks: this.picks, contestedPicks: this.contested })];
  }
}
