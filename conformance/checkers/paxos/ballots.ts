/**
 * Ballots are unique per proposer: once a proposer has used a ballot (in a prepare or an
 * accept it sent), no other node may send a prepare or accept with it. State: one owner
 * per ballot seen.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import type { PaxosHeader } from './setup.ts';

export class UniqueBallotChecker implements Checker {
  readonly name = 'paxos.unique-ballots';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window, { nothingToJudge: 'no prepare or accept sent' });
  private readonly owner = new Map<number, { node: string; line: number }>();
  /** Ballots already reported, so one clash is one violation however often it is reused. */
  private readonly reported = new Set<number>();


  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'send' || (e.msg.type !== 'prepare' && e.msg.type !== 'accept')) return;
    this.log.judged++;
    const ballot = e.msg.ballot;
    const first = this.owner.get(ballot);
    if (first === undefined) this.owner.set(ballot, { node: e.node, line });
    else if (first.node !== e.node && !this.reported.has(ballot)) {
      this.reported.add(ballot);
      this.log.report(line, `${e.node} used ballot ${ballot}, already used by ${first.node} (line ${first.line})`);
    }
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log, { ballots: this.owner.size })]; }
}
