/**
 * Ballots are unique per proposer: once a proposer has used a ballot (in a prepare or an
 * accept it sent), no other node may send a prepare or accept with it. State: one owner
 * per ballot seen (a packed number, about 30 bytes: exactness needs one per ballot, as a
 * ballot reused at the end of any trace must be told from a fresh one).
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import type { PaxosHeader } from './setup.ts';

const NODES = 1024;

export class UniqueBallotChecker implements Checker {
  readonly name = 'paxos.unique-ballots';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  /**
   * ballot -> who first used it and where, packed in one number: line * NODES + the
   * node's index in `nodes`. One entry is kept per ballot for the whole trace, and a
   * number (a small integer below about 2 million lines) costs a third of an object.
   * Exact while line * NODES < 2^53; `wide` keeps the rare entry beyond (over 1,024
   * distinct senders, or lines past 8 * 10^12).
   */
  private readonly owner = new Map<number, number>();
  private readonly wide = new Map<number, { node: string; line: number }>();
  private readonly nodes: string[] = [];
  private readonly nodeIndex = new Map<string, number>();
  /** Ballots already reported, so one clash is one violation however often it is reused. */
  private readonly reported = new Set<number>();

  /** `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(window = new EventWindow()) {
    this.window = window;
    this.log = new ViolationLog(window, { nothingToJudge: 'no prepare or accept sent' });
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'send' || (e.msg.type !== 'prepare' && e.msg.type !== 'accept')) return;
    this.log.judged++;
    const ballot = e.msg.ballot;
    const first = this.firstUse(ballot);
    if (first === undefined) this.use(ballot, e.node, line);
    else if (first.node !== e.node && !this.reported.has(ballot)) {
      this.reported.add(ballot);
      this.log.report(line, `${e.node} used ballot ${ballot}, already used by ${first.node} (line ${first.line})`);
    }
  }

  private use(ballot: number, node: string, line: number): void {
    let i = this.nodeIndex.get(node);
    if (i === undefined && this.nodes.length < NODES) {
      i = this.nodes.push(node) - 1;
      this.nodeIndex.set(node, i);
    }
    const packed = i === undefined ? -1 : line * NODES + i;
    if (packed >= 0 && packed <= Number.MAX_SAFE_INTEGER) this.owner.set(ballot, packed);
    else this.wide.set(ballot, { node, line });
  }

  private firstUse(ballot: number): { node: string; line: number } | undefined {
    const packed = this.owner.get(ballot);
    if (packed === undefined) return this.wide.get(ballot);
    return { node: this.nodes[packed % NODES], line: Math.floor(packed / NODES) };
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log, { ballots: this.owner.size + this.wide.size })]; }
}
