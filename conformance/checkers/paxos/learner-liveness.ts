/**
 * Learner liveness: a learner that received `accepted` for one (ballot, value) from a
 * quorum of acceptors decides that value — by the end of the trace, or within the
 * header's `decideWithin` bound when it declares one: ms of `ts`, or further events at
 * the learner itself (0: its very next event must be the decision). This catches
 * learners that lose acceptances (e.g. keep only each acceptor's latest ballot) although
 * every message reached them: no safety property can, since they never decide wrongly.
 *
 * Only receptions count (what reached the learner), never sends. A learner that crashed
 * and did not restart is excused. The verdict is skip when no learner ever had a quorum
 * (nothing was checked). State: per learner, the votes it received until its first quorum
 * (./quorum-votes.ts: 2 bytes per ballot below 8 acceptors), then one obligation.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict, Violation } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { valueKey } from './chosen.ts';
import { BallotIndex } from './ballot-index.ts';
import { QuorumVotes } from './quorum-votes.ts';
import { paxosSetup, type PaxosHeader, type PaxosSetup, type Value } from './setup.ts';

interface Due {
  value: Value;
  ballot: number;
  by: string[];
  line: number;
  ts: number | undefined;
  events: number;
  /** The events up to the reception that made the decision due. */
  window: Violation['window'];
}

export class LearnerLivenessChecker implements Checker {
  readonly name = 'paxos.learner-liveness';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  private readonly setup: PaxosSetup;
  private readonly learners: ReadonlySet<string>;
  private readonly bound: { ms?: number; events?: number } | undefined;
  /** learner -> the accepted it received, until its first quorum. */
  private readonly heard = new Map<string, QuorumVotes>();
  private readonly ballots: BallotIndex;
  /** learner -> the first quorum it received, until it decides. */
  private readonly due = new Map<string, Due>();
  private readonly decided = new Set<string>();
  private readonly down = new Set<string>();
  private obligations = 0;
  private met = 0;
  private events = 0;
  private lastTs: number | undefined;
  /** learner -> events at it so far (the `events` bound counts a learner's own steps). */
  private readonly own = new Map<string, number>();

  /** `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, window = new EventWindow(), ballots = new BallotIndex()) {
    this.window = window;
    this.ballots = ballots;
    this.log = new ViolationLog(window, { nothingToJudge: 'no learner received accepted for one proposal from a quorum' });
    this.setup = paxosSetup(h);
    this.learners = new Set(h.config.learners);
    this.bound = h.config.decideWithin;
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    this.events++;
    if (e.ts !== undefined) this.lastTs = e.ts;
    const mine = this.learners.has(e.node);
    if (mine) this.own.set(e.node, (this.own.get(e.node) ?? 0) + 1);
    // The learner's own next event may be its decision: judge that event first.
    if (mine && e.kind === 'decide') this.decide(e.node, e.value, line);
    this.checkDeadlines(line);
    if (!mine) return;
    if (e.kind === 'crash') this.down.add(e.node);
    else if (e.kind === 'restart') this.down.delete(e.node);
    else if (e.kind === 'decide') return;
    else if (e.kind === 'receive' && e.msg.type === 'accepted') {
      const acceptor = this.setup.acceptorIndex(e.from);
      if (acceptor < 0 || this.decided.has(e.node) || this.due.has(e.node)) return;
      let votes = this.heard.get(e.node);
      if (!votes) this.heard.set(e.node, (votes = new QuorumVotes(this.setup, this.ballots)));
      const by = votes.vote(e.msg.ballot, e.msg.value, acceptor);
      if (by === null) return;
      this.obligations++;
      this.log.judged++;
      this.heard.delete(e.node); // bounded: one obligation per learner from here on
      this.due.set(e.node, { value: e.msg.value, ballot: e.msg.ballot, by, line, ts: e.ts, events: this.own.get(e.node) ?? 0, window: this.window.snapshot() });
    }
  }

  private decide(learner: string, value: Value, line: number): void {
    this.decided.add(learner);
    const d = this.due.get(learner);
    if (!d) return;
    this.due.delete(learner);
    if (this.late(learner, d, true)) {
      this.log.report(line, `${learner} decided ${JSON.stringify(value)} later than ${this.describeBound()} after it ${describe(d)}`);
    } else if (valueKey(d.value) === valueKey(value)) this.met++;
    else this.log.report(line, `${learner} decided ${JSON.stringify(value)}, not ${JSON.stringify(d.value)}, which ${describe(d)}`);
  }

  /** With a declared bound, an obligation past it is a violation as soon as the bound passes. */
  private checkDeadlines(line: number): void {
    if (!this.bound || this.due.size === 0) return;
    for (const [learner, d] of this.due) {
      if (!this.late(learner, d, false) || this.down.has(learner)) continue;
      this.due.delete(learner);
      this.decided.add(learner);
      this.log.report(line, `${learner} has not decided ${JSON.stringify(d.value)} within ${this.describeBound()} after it ${describe(d)}`, [...(d.window ?? []), ...this.window.snapshot().slice(-1)]);
    }
  }

  /** Past the bound? At the decision itself, the decision is not one of the further events. */
  private late(learner: string, d: Due, deciding: boolean): boolean {
    const b = this.bound;
    if (!b) return false;
    const further = (this.own.get(learner) ?? 0) - d.events - (deciding ? 1 : 0);
    return (b.ms !== undefined && d.ts !== undefined && this.lastTs !== undefined && this.lastTs - d.ts > b.ms)
      || (b.events !== undefined && further > b.events);
  }

  private describeBound(): string {
    const b = this.bound!;
    return [b.ms !== undefined ? `${b.ms} ms` : '', b.events !== undefined ? `${b.events} further event(s) of its own` : ''].filter(Boolean).join(' or ');
  }

  end(): Verdict[] {
    for (const [learner, d] of this.due) {
      if (this.down.has(learner)) continue;
      this.log.report(d.line, `${learner} never decided, although it ${describe(d)} (by the end of the trace)`, d.window);
    }
    const figures = { obligations: this.obligations, decidedInTime: this.met };
    return [verdictOf(this.name, this.log, figures)];
  }
}

const describe = (d: Due) => `received accepted(${d.ballot}, ${JSON.stringify(d.value)}) from ${d.by.join(', ')} (a quorum) at line ${d.line}`;
