/**
 * Acceptor discipline in the form agreement needs, judged from what each acceptor sends
 * (Paxos.tla Phase1b/Phase2b): never promise below a ballot it promised or accepted
 * before (promise-monotonic), never accept below its promise (accept-respects-promise),
 * and a promise reports the acceptor's latest vote (promise-reports-vote: Phase1b's
 * mbal/mval; a promise that leaves out or understates a vote lets a proposer pick a value
 * that contradicts a chosen one). A promise AT the promised ballot is fine: a resend, or
 * a re-promise after accepting in it, can break nothing (refinement lists them). A vote
 * the trace does not show (an unlogged accepted) cannot be judged, so only promises below
 * the latest vote seen are flagged. State: two entries per acceptor.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, type PaxosHeader } from './setup.ts';

export class AcceptorChecker implements Checker {
  readonly name = 'paxos.acceptor';
  private readonly window: EventWindow;
  private readonly promises: ViolationLog;
  private readonly accepts: ViolationLog;
  private readonly reports: ViolationLog;
  /** Each acceptor's latest vote, from its accepted sends. */
  private readonly vote = new Map<string, { ballot: number; value: string | number }>();
  private acceptors: ReadonlySet<string> = new Set();
  /** Highest ballot each acceptor promised or accepted (its maxBal). */
  private readonly maxBal = new Map<string, number>();

  /** `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, window = new EventWindow()) {
    this.window = window;
    this.promises = new ViolationLog(window, { nothingToJudge: 'no promise sent by an acceptor' });
    this.accepts = new ViolationLog(window, { nothingToJudge: 'no accepted sent by an acceptor' });
    this.reports = new ViolationLog(window, { nothingToJudge: 'no promise sent by an acceptor' });
    this.acceptors = paxosSetup(h).acceptors;
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'send' || !this.acceptors.has(e.node)) return;
    const msg = e.msg;
    if (msg.type === 'promise') {
      this.promises.judged++;
      this.reports.judged++;
      const prior = this.maxBal.get(e.node);
      if (prior !== undefined && msg.ballot < prior) {
        this.promises.report(line, `${e.node} promised ballot ${msg.ballot} below ballot ${prior}, which it already promised or accepted`);
      }
      this.maxBal.set(e.node, Math.max(prior ?? -Infinity, msg.ballot));
      const v = this.vote.get(e.node);
      if (v && (msg.acceptedBallot === null || msg.acceptedBallot < v.ballot || (msg.acceptedBallot === v.ballot && msg.acceptedValue !== v.value))) {
        const said = msg.acceptedBallot === null ? 'no vote' : `a vote for ${JSON.stringify(msg.acceptedValue)} in ballot ${msg.acceptedBallot}`;
        this.reports.report(line, `${e.node} promised ballot ${msg.ballot} reporting ${said}, but it accepted ${JSON.stringify(v.value)} in ballot ${v.ballot}`);
      }
    } else if (msg.type === 'accepted') {
      this.accepts.judged++;
      this.vote.set(e.node, { ballot: msg.ballot, value: msg.value });
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
      verdictOf('paxos.promise-reports-vote', this.reports),
    ];
  }
}
