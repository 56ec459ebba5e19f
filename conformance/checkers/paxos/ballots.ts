/**
 * Ballots are unique per proposer: once a proposer has used a ballot (in a prepare or an
 * accept it sent), no other node may send a prepare or accept with it. State: who first
 * used each ballot and at which line, for the whole trace (a ballot reused at the very
 * end must be told from a fresh one): the node's interned id and the line, in two columns
 * by ballot id (./columns.ts): 5 bytes per ballot below 127 nodes and 2^31 lines.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { BallotIndex } from './ballot-index.ts';
import { at, column, put } from './columns.ts';
import { Interner } from './interner.ts';

export class UniqueBallotChecker implements Checker {
  readonly name = 'paxos.unique-ballots';
  private readonly window: EventWindow;
  private readonly log: ViolationLog;
  private readonly ballots: BallotIndex;
  /**
   * By ballot id: the first user's node id + 1 (0: unused), negated once a clash was
   * reported, so one clash is one violation however often the ballot is reused.
   */
  private owner = column();
  /** By ballot id: the line of its first use. */
  private ownerLine = column();
  private readonly nodes = new Interner<string>();
  private used = 0;

  /** `window` and `ballots` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(window = new EventWindow(), ballots = new BallotIndex()) {
    this.window = window;
    this.ballots = ballots;
    this.log = new ViolationLog(window, { nothingToJudge: 'no prepare or accept sent' });
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'send' || (e.msg.type !== 'prepare' && e.msg.type !== 'accept')) return;
    this.log.judged++;
    const ballot = e.msg.ballot;
    const id = this.ballots.idOf(ballot);
    const owner = at(this.owner, id);
    const node = this.nodes.idOf(e.node) + 1;
    if (owner === 0) {
      this.owner = put(this.owner, id, node);
      this.ownerLine = put(this.ownerLine, id, line);
      this.used++;
    } else if (owner > 0 && owner !== node) {
      this.owner = put(this.owner, id, -owner);
      this.log.report(line, `${e.node} used ballot ${ballot}, already used by ${this.nodes.itemOf(owner - 1)} (line ${this.ownerLine[id]})`);
    }
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log, { ballots: this.used })]; }
}
