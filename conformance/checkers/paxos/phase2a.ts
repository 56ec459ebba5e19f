/**
 * Phase 2a discipline (Paxos Made Simple, P2c), judged at each accept a proposer sends:
 * - accept-after-quorum: the proposer had received promises for that ballot from a quorum;
 * - accept-value: the value is the one of the highest-ballot proposal accepted among
 *   some quorum of those promises, or a proposable value if that quorum accepted nothing.
 * A proposer that logs no receive is judged as Paxos.tla's, which reads promises from the
 * message set: on the promises acceptors sent for the ballot (see noteReceiving).
 * A second accept with another value in the same ballot breaks accept-value too.
 * State: promises per ballot, sent and received per proposer (bounded by ballots x acceptors;
 * a proposer's received promises for a ballot are dropped once it sent its accept, as
 * nothing reads them again, and equal promise reports share one object).
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, type PaxosHeader, type PaxosSetup, type Value } from './setup.ts';

interface Promised {
  acceptedBallot: number | null;
  acceptedValue: Value | null;
}
type Promises = Map<string, Promised>;
/**
 * A ballot's promises as kept between events: acceptor, report, acceptor, report, in the
 * order first heard (a Map's order), in an array made once with two slots per declared
 * acceptor (unused ones undefined). One is kept per ballot for the whole trace (see
 * `sent`), and a Map of three entries costs twice as much.
 */
type PromiseRow = (string | Promised | undefined)[];

const asPromises = (row: PromiseRow | undefined): Promises => {
  const promises: Promises = new Map();
  if (row) for (let i = 0; i < row.length && row[i] !== undefined; i += 2) promises.set(row[i] as string, row[i + 1] as Promised);
  return promises;
};

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

/** An accept judged on the message set, kept until its proposer shows it receives messages. */
interface SetRead {
  line: number;
  ballot: number;
}

export class Phase2aChecker implements Checker {
  readonly name = 'paxos.phase2a';
  private readonly window: EventWindow;
  private readonly quorumLog: ViolationLog;
  private readonly valueLog: ViolationLog;
  private readonly setup: PaxosSetup;
  private readonly free = new Set<Value>();
  /** proposer -> ballot -> acceptor -> what it reported. */
  private readonly received = new Map<string, Map<number, PromiseRow>>();
  /** ballot -> acceptor -> what it reported: Paxos.tla's 1b messages, which have no addressee. */
  private readonly sent = new Map<number, PromiseRow>();
  /** Proposers that logged a receive: they are judged on what they received. */
  private readonly receiving = new Set<string>();
  /** Accepts of proposers not (yet) known to receive, judged on the promises sent so far. */
  private readonly setReads = new Map<string, SetRead[]>();
  /** proposer -> ballot -> value of its first accept: a broadcast logged per recipient counts once. */
  private readonly judged = new Map<string, Map<number, Value>>();
  /** The last promise recorded: the next is usually the same report (all acceptors' vote), so it is shared. */
  private lastPromised: Promised = { acceptedBallot: null, acceptedValue: null };
  private accepts = 0;

  /** `window` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(h: PaxosHeader, window = new EventWindow()) {
    this.window = window;
    this.quorumLog = new ViolationLog(window, { nothingToJudge: 'no accept sent' });
    this.valueLog = new ViolationLog(window, { nothingToJudge: 'no accept sent' });
    this.setup = paxosSetup(h);
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
      if (this.setup.acceptors.has(e.from) && this.judged.get(e.node)?.has(e.msg.ballot) !== true) {
        let byBallot = this.received.get(e.node);
        if (!byBallot) this.received.set(e.node, (byBallot = new Map()));
        this.record(byBallot, e.msg.ballot, e.from, e.msg);
      }
    } else if (e.kind === 'send' && e.msg.type === 'promise' && this.setup.acceptors.has(e.node)) {
      this.record(this.sent, e.msg.ballot, e.node, e.msg);
    } else if (e.kind === 'send' && e.msg.type === 'accept') {
      this.quorumLog.judged++;
      this.valueLog.judged++;
      let byBallot = this.judged.get(e.node);
      if (!byBallot) this.judged.set(e.node, (byBallot = new Map()));
      const before = byBallot.get(e.msg.ballot);
      if (before === undefined) {
        byBallot.set(e.msg.ballot, e.msg.value);
        this.accepts++;
        this.judge(e.node, e.msg.ballot, e.msg.value, line);
      } else if (before !== e.msg.value) {
        this.valueLog.report(line, `${e.node} sent accept(${e.msg.ballot}, ${JSON.stringify(e.msg.value)}) after accept(${e.msg.ballot}, ${JSON.stringify(before)}): one ballot, two values`);
      }
    }
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
    for (const r of this.setReads.get(proposer) ?? []) {
      this.quorumLog.report(r.line, `${proposer} sent accept for ballot ${r.ballot} before receiving any promise (it receives messages: line ${line})`);
    }
    this.setReads.delete(proposer);
  }

  private judge(proposer: string, ballot: number, value: Value, line: number): void {
    const readsSet = !this.receiving.has(proposer);
    let row: PromiseRow | undefined;
    if (readsSet) row = this.sent.get(ballot);
    else {
      // Read once: later promises for this ballot are not recorded (see event).
      const byBallot = this.received.get(proposer);
      row = byBallot?.get(ballot);
      byBallot?.delete(ballot);
    }
    const promises = asPromises(row);
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
      reads.push({ line, ballot });
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('paxos.accept-after-quorum', this.quorumLog, { accepts: this.accepts }),
      verdictOf('paxos.accept-value', this.valueLog),
    ];
  }

  /** Sets `acceptor`'s report in the ballot's row (replacing an earlier one in place, as Map.set does). */
  private record(byBallot: Map<number, PromiseRow>, ballot: number, acceptor: string, p: Promised): void {
    const last = this.lastPromised;
    if (last.acceptedBallot !== p.acceptedBallot || last.acceptedValue !== p.acceptedValue) {
      this.lastPromised = { acceptedBallot: p.acceptedBallot, acceptedValue: p.acceptedValue };
    }
    let row = byBallot.get(ballot);
    if (row === undefined) byBallot.set(ballot, (row = new Array<undefined>(2 * this.setup.acceptors.size)));
    // `acceptor` is a declared acceptor (the caller checked), so it has a slot.
    let i = 0;
    while (row[i] !== undefined && row[i] !== acceptor) i += 2;
    row[i] = acceptor;
    row[i + 1] = this.lastPromised;
  }
}


function describeRequired(promises: Promises): string {
  let best: Promised | undefined;
  for (const p of promises.values()) {
    if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
  }
  return best ? `${JSON.stringify(best.acceptedValue)} (accepted at ballot ${best.acceptedBallot})` : 'one of the proposable values';
}
