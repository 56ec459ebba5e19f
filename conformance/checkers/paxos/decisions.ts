/**
 * Agreement (at most one value is chosen, and nobody decides another) and validity (only
 * a proposed value is chosen or decided). "Chosen" is Paxos.tla's: a quorum of acceptors
 * accepted the value in one ballot (see ./chosen.ts), so both properties also judge runs
 * without learners, as the explorer's counterexamples of the Paxos.tla system are.
 * Validity uses the trace's propose events when it has any, otherwise the header's values.
 * State: the first decision, the proposed values, and the shared ChosenTracker's (a few
 * bytes per ballot, ./quorum-votes.ts).
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { ChosenTracker, type Chosen } from './chosen.ts';
import { paxosSetup, type PaxosHeader, type Value } from './setup.ts';

const show = (v: Value) => JSON.stringify(v);
const describeChosen = (c: Chosen) => `acceptors ${c.by.join(', ')} accepted ${show(c.value)} in ballot ${c.ballot}`;

export class AgreementChecker implements Checker {
  readonly name = 'paxos.agreement';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  private readonly chosen: ChosenTracker;
  /** The first value decided or chosen, which everything after must agree with. */
  private first: { value: Value; what: string; line: number } | undefined;
  private decisions = 0;

  /** `chosen` and `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, chosen = new ChosenTracker(paxosSetup(h)), window = new EventWindow()) {
    this.chosen = chosen;
    this.window = window;
    this.log = new ViolationLog(window, { nothingToJudge: 'no decision and no value chosen' });
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'decide') {
      this.decisions++;
      this.settle(e.value, `${e.node} decided ${show(e.value)}`, line);
      return;
    }
    const c = this.chosen.observe(e, line);
    if (c) this.settle(c.value, describeChosen(c), line);
  }

  private settle(value: Value, what: string, line: number): void {
    this.log.judged++;
    if (this.first === undefined) this.first = { value, what, line };
    else if (value !== this.first.value) this.log.report(line, `${what}, but ${this.first.what} (line ${this.first.line})`);
  }

  end(): Verdict[] {
    return [verdictOf(this.name, this.log, {
      decisions: this.decisions,
      decided: this.first?.value ?? null,
      chosen: [...this.chosen.values.values()].map(String).join(',') || null,
    })];
  }
}

export class ValidityChecker implements Checker {
  readonly name = 'paxos.validity';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  private headerValues: ReadonlySet<Value> = new Set();
  private readonly proposed = new Set<Value>();
  private readonly chosen: ChosenTracker;

  /** `chosen` and `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, chosen?: ChosenTracker, window = new EventWindow()) {
    this.window = window;
    this.log = new ViolationLog(window, { nothingToJudge: 'no decision and no value chosen' });
    const setup = paxosSetup(h);
    this.headerValues = setup.values;
    this.chosen = chosen ?? new ChosenTracker(setup);
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'propose') this.proposed.add(e.value);
    else if (e.kind === 'decide') this.judge(e.value, `${e.node} decided`, line);
    else {
      const c = this.chosen.observe(e, line);
      if (c) this.judge(c.value, `acceptors ${c.by.join(', ')} chose (ballot ${c.ballot})`, line);
    }
  }

  private judge(value: Value, who: string, line: number): void {
    this.log.judged++;
    const allowed = this.proposed.size > 0 ? this.proposed : this.headerValues;
    if (allowed.has(value)) return;
    const from = this.proposed.size > 0 ? 'proposed so far' : 'in the header';
    this.log.report(line, `${who} ${show(value)}, which is not among the values ${from}: ${[...allowed].map(show).join(', ')}`);
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log)]; }
}
