/**
 * pick-validity, for every policy: a pick names a current backend, a request is picked
 * once, a done closes an open request on the backend it was sent to, and power-of-two
 * candidates are current backends that include the chosen one.
 * zero-weight-never-picked, for every policy: a backend whose current weight is 0 (drained)
 * is never picked, nor offered as a power-of-two candidate. Skipped when no backend ever
 * had weight 0 (nothing to check).
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, InflightCounts, type BalancerHeader } from './base.ts';
import { ViolationLog, verdictOf } from '../window.ts';

export class PickValidityChecker extends BalancerChecker {
  readonly name = 'pick-validity';
  private readonly inflight = new InflightCounts();
  private readonly zeroLog = new ViolationLog(this.window);
  private picks = 0;
  /** Picks made while some declared backend had weight 0: the ones that test the property. */
  private picksWhileDrained = 0;
  private everDrained: boolean;

  constructor(header: BalancerHeader) {
    super(header);
    this.everDrained = this.membership.drained.size > 0;
  }

  private current(id: string, what: string, line: number): void {
    if (this.membership.drained.has(id)) this.zeroLog.report(line, `${what} ${id}, whose weight is 0`);
    else if (!this.membership.has(id)) this.log.report(line, `${what} ${id}, which is not a current backend`);
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    this.picks++;
    if (this.membership.drained.size > 0) this.picksWhileDrained++;
    this.current(e.backend, `request ${e.request} sent to`, line);
    if (this.inflight.backendOf(e.request) !== undefined) this.log.report(line, `request ${e.request} picked again while still in flight`);
    if (e.candidates) {
      for (const c of e.candidates) this.current(c, 'candidate', line);
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

  protected override onMembership(): void {
    if (this.membership.drained.size > 0) this.everDrained = true;
  }

  end(): Verdict[] {
    const zeroFigures = { picksWhileDrained: this.picksWhileDrained };
    return [
      verdictOf('pick-validity', this.log, { picks: this.picks, stillInFlight: this.inflight.open }),
      !this.everDrained || this.picksWhileDrained === 0
        ? { property: 'zero-weight-never-picked', status: 'skip', note: this.everDrained ? 'no pick while a backend had weight 0' : 'no backend has weight 0', violations: [], figures: zeroFigures }
        : verdictOf('zero-weight-never-picked', this.zeroLog, zeroFigures),
    ];
  }
}
