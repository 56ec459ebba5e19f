/**
 * Phase 2a discipline (Paxos Made Simple, P2c), judged at each accept a proposer sends:
 * - accept-after-quorum: the proposer had received promises for that ballot from a quorum;
 * - accept-value: the value is the one of the highest-ballot proposal accepted among
 *   some quorum of those promises, or a proposable value if that quorum accepted nothing.
 * A proposer that logs no receive is judged as Paxos.tla's, which reads promises from the
 * message set: on the promises acceptors sent for the ballot (see noteReceiving).
 * A second accept with another value in the same ballot breaks accept-value too.
 * State, kept compact (./promise-rows.ts, ./columns.ts): per ballot, the promises
 * acceptors sent for it (3 bytes per acceptor, see `record`) and its first accept's sender and
 * value (2 bytes); per (proposer, ballot), the promises it received until it sends its
 * accept (the row is then freed: nothing reads it again). Bounded by ballots x acceptors,
 * never by events per ballot.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { BallotIndex } from './ballot-index.ts';
import { at, column, put } from './columns.ts';
import { Interner } from './interner.ts';
import { PromiseRows } from './promise-rows.ts';
import { paxosSetup, type PaxosHeader, type PaxosSetup, type Value } from './setup.ts';

interface Promised {
  acceptedBallot: number | null;
  acceptedValue: Value | null;
}
type Promises = Map<string, Promised>;

/**
 * Is `value` a legal 2a value given these promises? Quorums are closed under supersets,
 * so it is enough to ask, for each candidate highest ballot c, whether the promises that
 * do not outrank (c, value) contain a quorum and include one that accepted (c, value).
 */
export function justifiedValue(promises: Promises, value: Value, freeValues: ReadonlySet<Value>, setup: PaxosSetup): boolean {
  const empty = new Set<string>();
  for (const [a, p] of promises) if (p.acceptedBallot === null) empty.add(a);
  if (freeValues.has(value) && setup.containsQuorum(empty)) return true;
  for (const [, p] of promises) {
    if (p.acceptedBallot === null || p.acceptedValue !== value) continue;
    const c = p.acceptedBallot;
    const compatible = new Set<string>();
    for (const [a, q] of promises) {
      if (q.acceptedBallot === null || q.acceptedBallot < c || (q.acceptedBallot === c && q.acceptedValue === value)) compatible.add(a);
    }
    if (setup.containsQuorum(compatible)) return true;
  }
  return false;
}

export class Phase2aChecker implements Checker {
  readonly name = 'paxos.phase2a';
  private readonly window: EventWindow;
  private readonly quorumLog: ViolationLog;
  private readonly valueLog: ViolationLog;
  private readonly setup: PaxosSetup;
  private readonly free = new Set<Value>();
  private readonly ballots: BallotIndex;
  private readonly nodes = new Interner<string>();
  private readonly values = new Interner<Value>();
  /** Row = ballot id: the promises acceptors sent, Paxos.tla's 1b messages, which have no addressee. */
  private readonly sent: PromiseRows;
  /** Rows of the promises a proposer received, until it sends its accept in the ballot. */
  private readonly received: PromiseRows;
  /** proposer -> ballot id -> its row in `received`. */
  private readonly receivedRow = new Map<string, Map<number, number>>();
  /** Proposers that logged a receive: they are judged on what they received. */
  private readonly receiving = new Set<string>();
  /** Accepts of proposers not (yet) known to receive, judged on the promises sent so far: line, ballot, line, ballot, … */
  private readonly setReads = new Map<string, number[]>();
  /**
   * Who sent a ballot's first accept, and its value, so that a broadcast logged per
   * recipient counts once: by ballot id, node id + 1 (0: none) and value id; `judgedMore`
   * holds further senders in the same ballot ("node id, ballot id" -> value id), which
   * only a ballot used by two nodes (a unique-ballots violation) needs.
   */
  private judgedBy = column();
  private judgedValue = column();
  private readonly judgedMore = new Map<string, number>();
  private accepts = 0;

  /** `window` and `ballots` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, window = new EventWindow(), ballots = new BallotIndex()) {
    this.window = window;
    this.ballots = ballots;
    this.quorumLog = new ViolationLog(window, { nothingToJudge: 'no accept sent' });
    this.valueLog = new ViolationLog(window, { nothingToJudge: 'no accept sent' });
    this.setup = paxosSetup(h);
    this.sent = new PromiseRows(this.setup.acceptors.size);
    this.received = new PromiseRows(this.setup.acceptors.size);
    for (const v of this.setup.values) this.free.add(v);
  }

  event(e: PaxosEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'propose') this.free.add(e.value);
    else if (e.kind === 'receive' && e.msg.type === 'promise') {
      // A node that also plays acceptor receives prepares and accepts: only a received
      // promise shows that its proposer reads promises from the network.
      this.noteReceiving(e.node, line);
      // Promises for a ballot the proposer already sent its accept in are never read again.
      const acceptor = this.setup.acceptorIndex(e.from);
      if (acceptor < 0) return;
      const id = this.ballots.idOf(e.msg.ballot);
      if (this.judgedValueOf(this.nodes.idOf(e.node), id) >= 0) return;
      let byBallot = this.receivedRow.get(e.node);
      if (!byBallot) this.receivedRow.set(e.node, (byBallot = new Map()));
      let row = byBallot.get(id);
      if (row === undefined) byBallot.set(id, (row = this.received.alloc()));
      this.record(this.received, row, id, acceptor, e.msg);
    } else if (e.kind === 'send' && e.msg.type === 'promise') {
      const acceptor = this.setup.acceptorIndex(e.node);
      if (acceptor < 0) return;
      const id = this.ballots.idOf(e.msg.ballot);
      this.record(this.sent, id, id, acceptor, e.msg);
    } else if (e.kind === 'send' && e.msg.type === 'accept') {
      this.quorumLog.judged++;
      this.valueLog.judged++;
      const { ballot, value } = e.msg;
      const id = this.ballots.idOf(ballot);
      const node = this.nodes.idOf(e.node);
      const before = this.judgedValueOf(node, id);
      if (before < 0) {
        this.setJudged(node, id, this.values.idOf(value));
        this.accepts++;
        this.judge(e.node, ballot, id, value, line);
      } else if (this.values.itemOf(before) !== value) {
        this.valueLog.report(line, `${e.node} sent accept(${ballot}, ${JSON.stringify(value)}) after accept(${ballot}, ${JSON.stringify(this.values.itemOf(before))}): one ballot, two values`);
      }
    }
  }

  /** The value id of `node`'s first accept in the ballot, or -1 if it sent none. */
  private judgedValueOf(node: number, id: number): number {
    const by = at(this.judgedBy, id);
    if (by === 0) return -1;
    if (by === node + 1) return this.judgedValue[id];
    return this.judgedMore.get(`${node} ${id}`) ?? -1;
  }

  private setJudged(node: number, id: number, value: number): void {
    if (at(this.judgedBy, id) === 0) {
      this.judgedBy = put(this.judgedBy, id, node + 1);
      this.judgedValue = put(this.judgedValue, id, value);
    } else this.judgedMore.set(`${node} ${id}`, value);
  }

  /**
   * A proposer that logs no receive reads promises from the message set (Paxos.tla's
   * Phase2a, and the explorer's Paxos.tla system). Once it is seen receiving, every accept
   * it sent while unseen was sent before it had received a single promise.
   */
  private noteReceiving(proposer: string, line: number): void {
    if (this.receiving.has(proposer)) return;
    this.receiving.add(proposer);
    // Reported at the accept's line; the window shows the receive that revealed it.
    const reads = this.setReads.get(proposer) ?? [];
    for (let i = 0; i < reads.length; i += 2) {
      this.quorumLog.report(reads[i], `${proposer} sent accept for ballot ${reads[i + 1]} before receiving any promise (it receives messages: line ${line})`);
    }
    this.setReads.delete(proposer);
  }

  private judge(proposer: string, ballot: number, id: number, value: Value, line: number): void {
    const readsSet = !this.receiving.has(proposer);
    let promises: Promises;
    if (readsSet) promises = this.promisesOf(this.sent, id, id);
    else {
      // Read once: later promises for this ballot are not recorded (see event).
      const byBallot = this.receivedRow.get(proposer);
      const row = byBallot?.get(id);
      promises = row === undefined ? new Map() : this.promisesOf(this.received, row, id);
      if (row !== undefined) {
        byBallot!.delete(id);
        this.received.free(row);
      }
    }
    const from = new Set(promises.keys());
    if (!this.setup.containsQuorum(from)) {
      const how = readsSet ? 'sent' : 'received';
      const got = from.size === 0 ? `no promise ${how} for it` : `promises ${how} from ${[...from].join(', ')} only, not a quorum`;
      this.quorumLog.report(line, `${proposer} sent accept for ballot ${ballot} with ${got}`);
      return;
    }
    if (!justifiedValue(promises, value, this.free, this.setup)) {
      this.valueLog.report(line, `${proposer} sent accept(${ballot}, ${JSON.stringify(value)}) but its promises require ${describeRequired(promises)}`);
      return;
    }
    if (readsSet) {
      let reads = this.setReads.get(proposer);
      if (!reads) this.setReads.set(proposer, (reads = []));
      reads.push(line, ballot);
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('paxos.accept-after-quorum', this.quorumLog, { accepts: this.accepts }),
      verdictOf('paxos.accept-value', this.valueLog),
    ];
  }

  /**
   * Sets the acceptor's report in the row of the promises for ballot id `id`. The accepted
   * ballot is kept as its id's distance below `id`, d + 1 for d >= 0, d below 0 (0: null):
   * an acceptor reports a recent vote, so the distance is small and its column narrow.
   */
  private record(rows: PromiseRows, row: number, id: number, acceptor: number, p: Promised): void {
    const d = p.acceptedBallot === null ? 0 : id - this.ballots.idOf(p.acceptedBallot);
    const ballot = p.acceptedBallot === null ? 0 : d >= 0 ? d + 1 : d;
    const value = p.acceptedValue === null ? 0 : this.values.idOf(p.acceptedValue) + 1;
    rows.set(row, acceptor, ballot, value);
  }

  /** The promises of a row (for ballot id `id`, see `record`) as a Map in the order first heard. */
  private promisesOf(rows: PromiseRows, row: number, id: number): Promises {
    const promises: Promises = new Map();
    for (let k = 0, n = rows.filled(row); k < n; k++) {
      const b = rows.ballotOf(row, k);
      const v = rows.valueOf(row, k);
      promises.set(this.setup.acceptorAt(rows.acceptorOf(row, k)), {
        acceptedBallot: b === 0 ? null : this.ballots.ballotOf(b > 0 ? id - (b - 1) : id - b),
        acceptedValue: v === 0 ? null : this.values.itemOf(v - 1),
      });
    }
    return promises;
  }
}


function describeRequired(promises: Promises): string {
  let best: Promised | undefined;
  for (const p of promises.values()) {
    if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
  }
  return best ? `${JSON.stringify(best.acceptedValue)} (accepted at ballot ${best.acceptedBallot})` : 'one of the proposable values';
}
