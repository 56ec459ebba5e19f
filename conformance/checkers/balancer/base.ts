/**
 * Common skeleton of the balancer checkers: built from the trace's header, with the shared
 * event window and violation log (../window.ts), the current membership, and dispatch by
 * event kind.
 */
import type { HeaderOf } from '../../schema/header.ts';
import type { EventOf, TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog } from '../window.ts';
import { Membership, type MembershipChange } from './support.ts';

export type BalancerHeader = HeaderOf<'balancer'>;

export abstract class BalancerChecker implements Checker {
  abstract readonly name: string;
  protected readonly window = new EventWindow();
  protected readonly log = new ViolationLog(this.window, { nothingToJudge: 'no pick' });
  protected readonly membership: Membership;

  constructor(protected readonly header: BalancerHeader) {
    this.membership = new Membership(header.config.backends);
  }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'pick') {
      this.log.judged++;
      this.onPick(e, line);
    }
    else if (e.kind === 'done') this.onDone(e, line);
    else if (e.kind === 'membership') {
      const change = this.membership.change(e.backends);
      this.onMembership(change.removed, change.added, line, change);
    }
  }

  protected abstract onPick(e: EventOf<'pick'>, line: number): void;
  protected onDone(_e: EventOf<'done'>, _line: number): void {}
  protected onMembership(_removed: string[], _added: string[], _line: number, _change?: MembershipChange): void {}
  abstract end(): Verdict[];
}

/** In-flight counts reconstructed from pick and done events (for LC and P2C). */
export class InflightCounts {
  private readonly byRequest = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  count(backend: string): number {
    return this.counts.get(backend) ?? 0;
  }

  pick(request: string, backend: string): void {
    this.byRequest.set(request, backend);
    this.counts.set(backend, this.count(backend) + 1);
  }

  /** False when the request was not in flight. */
  done(request: string): boolean {
    const backend = this.byRequest.get(request);
    if (backend === undefined) return false;
    this.byRequest.delete(request);
    const left = this.count(backend) - 1;
    if (left === 0) this.counts.delete(backend);
    else this.counts.set(backend, left);
    return true;
  }

  backendOf(request: string): string | undefined {
    return this.byRequest.get(request);
  }

  get open(): number {
    return this.byRequest.size;
  }
}
