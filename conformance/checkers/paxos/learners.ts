/**
 * A node decides only a value a quorum of acceptors accepted in one ballot. Acceptance is
 * taken from the acceptors' own 'accepted' sends, or from an 'accepted' message received
 * from an acceptor when the trace does not log sends. State: acceptors per (ballot, value).
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, requirePaxos, type PaxosSetup, type Value } from './setup.ts';

export class DecideChosenChecker implements Checker {
  readonly name = 'paxos.decide-chosen';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window);
  private setup!: PaxosSetup;
  /** "ballot value" -> acceptors that accepted it. */
  private readonly accepted = new Map<string, Set<string>>();
  /** Values some ballot's quorum accepted (once chosen, always chosen). */
  private readonly chosen = new Set<Value>();

  begin(h: TraceHeader): void { this.setup = paxosSetup(requirePaxos(h)); }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'send' && e.msg.type === 'accepted' && this.setup.acceptors.has(e.node)) {
      this.record(e.node, e.msg.ballot, e.msg.value);
    } else if (e.kind === 'receive' && e.msg.type === 'accepted' && this.setup.acceptors.has(e.from)) {
      this.record(e.from, e.msg.ballot, e.msg.value);
    } else if (e.kind === 'decide' && !this.chosen.has(e.value)) {
      this.log.report(line, `${e.node} decided ${JSON.stringify(e.value)}, which no quorum of acceptors has accepted in one ballot`);
    }
  }

  private record(acceptor: string, ballot: number, value: Value): void {
    const key = `${ballot} ${typeof value} ${value}`;
    let who = this.accepted.get(key);
    if (!who) this.accepted.set(key, (who = new Set()));
    who.add(acceptor);
    if (this.setup.containsQuorum(who)) this.chosen.add(value);
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log, { chosen: [...this.chosen].map(String).join(',') || null })]; }
}
