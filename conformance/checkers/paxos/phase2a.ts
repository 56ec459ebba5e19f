/**
 * Phase 2a discipline (Paxos Made Simple, P2c), judged at each accept a proposer sends:
 * - accept-after-quorum: the proposer had received promises for that ballot from a quorum;
 * - accept-value: the value is the one of the highest-ballot proposal accepted among
 *   some quorum of those promises, or a proposable value if that quorum accepted nothing.
 * A proposer that logs no receive is judged as Paxos.tla's, which reads promises from the
 * message set: on the promises acceptors sent for the ballot (see noteReceiving).
 * A second accept with another value in the same ballot breaks accept-value too.
 * State: promises per ballot, sent and received per proposer (bounded by ballots x acceptors).
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
  private readonly window = new EventWindow();
  private readonly quorumLog = new ViolationLog(this.window, { nothingToJudge: 'no accept sent' });
  private readonly valueLog = new ViolationLog(this.window, { nothingToJudge: 'no accept sent' });
  private readonly setup: PaxosSetup;
  private readonly free = new Set<Value>();
  /** proposer -> ballot -> acceptor -> what it reported. */
  private readonly received = new Map<string, Map<number, Promises>>();
  /** ballot -> acceptor -> what it reported: Paxos.tla's 1b messages, which have no addressee. */
  private readonly sent = new Map<number, Promises>();
  /** Proposers that logged a receive: they are judged on what they received. */
  private readonly receiving = new Set<string>();
  /** Accepts of proposers not (yet) known to receive, judged on the promises sent so far. */
  private readonly setReads = new Map<string, SetRead[]>();
  /** "proposer ballot" -> value of its first accept: a broadcast logged per recipient counts once. */
  private readonly judged = new Map<string, Value>();
  private accepts = 0;

  constructor(h: PaxosHeader) {
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
      if (this.setup.acceptors.has(e.from)) {
        let byBallot = this.received.get(e.node);
        if (!byBallot) this.received.set(e.node, (byBallot = new Map()));
        record(byBallot, e.msg.ballot, e.from, e.msg);
      }
    } else if (e.kind === 'send' && e.msg.type === 'promise' && this.setup.acceptors.has(e.node)) {
      record(this.sent, e.msg.ballot, e.node, e.msg);
    } else if (e.kind === 'send' && e.msg.type === 'accept') {
      this.quorumLog.judged++;
      this.valueLog.judged++;
      const key = `${e.node} ${e.msg.ballot}`;
      const before = this.judged.get(key);
      if (before === undefined) {
        this.judged.set(key, e.msg.value);
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
    const promises: Promises = (readsSet ? this.sent.get(ballot) : this.received.get(proposer)?.get(ballot)) ?? new Map();
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
}

function record(byBallot: Map<number, Promises>, ballot: number, acceptor: string, p: Promised): void {
  let promises = byBallot.get(ballot);
  if (!promises) byBallot.set(ballot, (promises = new Map()));
  promises.set(acceptor, { acceptedBallot: p.acceptedBallot, acceptedValue: p.acceptedValue });
}

function describeRequired(promises: Promises): string {
  let best: Promised | undefined;
  for (const p of promises.values()) {
    if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
  }
  return best ? `${JSON.stringify(best.acceptedValue)} (accepted at ballot ${best.acceptedBallot})` : 'one of the proposable values';
}
