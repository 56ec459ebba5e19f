/**
 * Acceptor discipline in the form agreement needs, judged from what each acceptor sends
 * (Paxos.tla Phase1b/Phase2b): never promise below a ballot it promised or accepted
 * before (promise-monotonic), and never accept below its promise
 * (accept-respects-promise). A promise AT that ballot is fine: a resend, or a re-promise
 * after accepting in it, can break nothing (refinement lists them). State: one number
 * per acceptor.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, type PaxosHeader } from './setup.ts';

export class AcceptorChecker implements Checker {
  readonly name = 'paxos.acceptor';
  private readonly window = new EventWindow();
  private readonly promises = new ViolationLog(this.window);
  private readonly accepts = new ViolationLog(this.window);
  private acceptors: ReadonlySet<string> = new Set();
  /** Highest ballot each acceptor promised or accepted (its maxBal). */
  private readonly maxBal = new Map<string, number>();

  constructor(h: PaxosHeader) { this.acceptors = paxosSetup(h).acceptors; }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'send' || !this.acceptors.has(e.node)) return;
    const msg = e.msg;
    if (msg.type === 'promise') {
      const prior = this.maxBal.get(e.node);
      if (prior !== undefined && msg.ballot < prior) {
        this.promises.report(line, `${e.node} promised ballot ${msg.ballot} below ballot ${prior}, which it already promised or accepted`);
      }
      this.maxBal.set(e.node, Math.max(prior ?? -Infinity, msg.ballot));
    } else if (msg.type === 'accepted') {
      const prior = this.maxBal.get(e.node);
      if (prior !== undefined && msg.ballot < prior) {
        this.accepts.report(line, `${e.node} accepted ballot ${msg.ballot} below its promise ${prior}`);
      }
      this.maxBal.set(e.node, Math.max(prior ?? -Infinity, msg.ballot));
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('paxos.promise-monotonic', this.promises),
      verdictOf('paxos.accept-respects-promise', this.accepts),
    ];
  }
}
