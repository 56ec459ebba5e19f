/**
 * pick-validity, for every policy: a pick names a current backend, a request is picked
 * once, a done closes an open request on the backend it was sent to, and power-of-two
 * candidates are current backends that include the chosen one.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, InflightCounts } from './base.ts';
import { verdictOf } from '../window.ts';

export class PickValidityChecker extends BalancerChecker {
  readonly name = 'pick-validity';
  private readonly inflight = new InflightCounts();
  private picks = 0;

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    this.picks++;
    if (!this.membership.has(e.backend)) this.log.report(line, `request ${e.request} sent to ${e.backend}, which is not a current backend`);
    if (this.inflight.backendOf(e.request) !== undefined) this.log.report(line, `request ${e.request} picked again while still in flight`);
    if (e.candidates) {
      for (const c of e.candidates) {
        if (!this.membership.has(c)) this.log.report(line, `candidate ${c} is not a current backend`);
      }
      if (!e.candidates.includes(e.backend)) this.log.report(line, `chose ${e.backend}, which is not one of its candidates ${e.candidates.join(', ')}`);
    }
    this.inflight.pick(e.request, e.backend);
  }

  protected override onDone(e: EventOf<'done'>, line: number): void {
    const backend = this.inflight.backendOf(e.request);
    if (backend === undefined) this.log.report(line, `done for request ${e.request}, which is not in flight`);
    else if (backend !== e.backend) this.log.report(line, `done for request ${e.request} names ${e.backend}, but it was sent to ${backend}`);
    this.inflight.done(e.request);
  }

  end(): Verdict[] {
    return [verdictOf('pick-validity', this.log, { picks: this.picks, stillInFlight: this.inflight.open })];
  }
}
