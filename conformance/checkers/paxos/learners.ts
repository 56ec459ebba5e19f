/**
 * A node decides only a value a quorum of acceptors accepted in one ballot (./chosen.ts
 * says where acceptances are read from). State: the shared ChosenTracker's, a few bytes
 * per ballot (./quorum-votes.ts).
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { ChosenTracker } from './chosen.ts';
import { paxosSetup, type PaxosHeader } from './setup.ts';

export class DecideChosenChecker implements Checker {
  readonly name = 'paxos.decide-chosen';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  private readonly chosen: ChosenTracker;

  /** `chosen` and `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, chosen = new ChosenTracker(paxosSetup(h)), window = new EventWindow()) {
    this.chosen = chosen;
    this.window = window;
    this.log = new ViolationLog(window, { nothingToJudge: 'no decision' });
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'decide') {
      this.log.judged++;
      if (!this.chosen.isChosen(e.value)) {
        this.log.report(line, `${e.node} decided ${JSON.stringify(e.value)}, which no quorum of acceptors has accepted in one ballot`);
      }
    } else this.chosen.observe(e, line);
  }

  end(): Verdict[] {
    return [verdictOf(this.name, this.log, { chosen: [...this.chosen.values.values()].map(String).join(',') || null })];
  }
}
