/**
 * Phase 2a discipline (Paxos Made Simple, P2c), judged at each accept a proposer sends:
 * - accept-after-quorum: the proposer had received promises for that ballot from a quorum;
 * - accept-value: the value is the one of the highest-ballot proposal accepted among
 *   some quorum of those promises, or a proposable value if that quorum accepted nothing.
 * State: the promises each proposer received, per ballot (bounded by ballots x acceptors).
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, requirePaxos, type PaxosSetup, type Value } from './setup.ts';

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
  private readonly window = new EventWindow();
  private readonly quorumLog = new ViolationLog(this.window);
  private readonly valueLog = new ViolationLog(this.window);
  private setup!: PaxosSetup;
  private readonly free = new Set<Value>();
  /** proposer -> ballot -> acceptor -> what it reported. */
  private readonly received = new Map<string, Map<number, Promises>>();
  /** "proposer ballot" pairs already judged: a broadcast logged per recipient counts once. */
  private readonly judged = new Set<string>();
  private accepts = 0;

  begin(h: TraceHeader): void {
    this.setup = paxosSetup(requirePaxos(h));
    for (const v of this.setup.values) this.free.add(v);
  }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'propose') this.free.add(e.value);
    else if (e.kind === 'receive' && e.msg.type === 'promise' && this.setup.acceptors.has(e.from)) {
      let byBallot = this.received.get(e.node);
      if (!byBallot) this.received.set(e.node, (byBallot = new Map()));
      let promises = byBallot.get(e.msg.ballot);
      if (!promises) byBallot.set(e.msg.ballot, (promises = new Map()));
      promises.set(e.from, { acceptedBallot: e.msg.acceptedBallot, acceptedValue: e.msg.acceptedValue });
    } else if (e.kind === 'send' && e.msg.type === 'accept') {
      const key = `${e.node} ${e.msg.ballot}`;
      if (this.judged.has(key)) return;
      this.judged.add(key);
      this.accepts++;
      this.judge(e.node, e.msg.ballot, e.msg.value, line);
    }
  }

  private judge(proposer: string, ballot: number, value: Value, line: number): void {
    const promises: Promises = this.received.get(proposer)?.get(ballot) ?? new Map();
    const from = new Set(promises.keys());
    if (!this.setup.containsQuorum(from)) {
      const got = from.size === 0 ? 'none' : [...from].join(', ');
      this.quorumLog.report(line, `${proposer} sent accept for ballot ${ballot} with promises from ${got} only, not a quorum`);
      return;
    }
    if (!justifiedValue(promises, value, this.free, this.setup)) {
      this.valueLog.report(line, `${proposer} sent accept(${ballot}, ${JSON.stringify(value)}) but its promises require ${describeRequired(promises)}`);
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('paxos.accept-after-quorum', this.quorumLog, { accepts: this.accepts }),
      verdictOf('paxos.accept-value', this.valueLog),
    ];
  }
}

function describeRequired(promises: Promises): string {
  let best: Promised | undefined;
  for (const p of promises.values()) {
    if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
  }
  return best ? `${JSON.stringify(best.acceptedValue)} (accepted at ballot ${best.acceptedBallot})` : 'one of the proposable values';
}
