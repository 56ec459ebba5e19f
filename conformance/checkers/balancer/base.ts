/** Common skeleton of the balancer checkers: event window, membership, dispatch by kind. */
import type { EventOf, TraceEvent, TraceHeader } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, Membership, ViolationLog } from './support.ts';

export abstract class BalancerChecker implements Checker {
  abstract readonly name: string;
  protected readonly window = new EventWindow();
  protected readonly membership = new Membership();
  protected readonly log = new ViolationLog(this.window);
  protected header!: Extract<TraceHeader, { protocol: 'balancer' }>;

  begin(header: TraceHeader): void {
    if (header.protocol !== 'balancer') throw new Error(`${this.name} checks balancer traces, not ${header.protocol}`);
    this.header = header;
    this.membership.reset(header);
    this.start();
  }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'pick') this.onPick(e, line);
    else if (e.kind === 'done') this.onDone(e, line);
    else if (e.kind === 'membership') {
      const change = this.membership.change(e.backends);
      this.onMembership(change.removed, change.added, line);
    }
  }

  protected start(): void {}
  protected abstract onPick(e: EventOf<'pick'>, line: number): void;
  protected onDone(_e: EventOf<'done'>, _line: number): void {}
  protected onMembership(_removed: string[], _added: string[], _line: number): void {}
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
