/**
 * Which acceptors voted for which (ballot, value), until a quorum has: the count behind
 * "chosen" (./chosen.ts) and behind a learner's obligation to decide (./learner-liveness.ts).
 * Packed per ballot id (./ballot-index.ts) in columns (./columns.ts): the ballot's first
 * value as its id + 1, negated once a quorum voted for it (0: no vote yet), and its voters
 * as bits (PaxosSetup.words words per ballot): 2 bytes per ballot below 8 acceptors and
 * 127 values, 5 up to 32 acceptors. A further value voted in a ballot that has one (two
 * values in one ballot: faulty traces only) is an object of its own. Nothing is kept per
 * event: a vote repeated, or arriving after its quorum, changes nothing.
 */
import { BallotIndex } from './ballot-index.ts';
import { at, column, put } from './columns.ts';
import { Interner } from './interner.ts';
import { hasBit, type PaxosSetup, type Value } from './setup.ts';

/** A second or later value voted in one ballot. */
interface OtherValue {
  value: Value;
  /** Voters so far, or null once a quorum has voted. */
  who: Set<string> | null;
}

export class QuorumVotes {
  private first = column();
  private who = column();
  /** ballot id -> its further values. */
  private readonly others = new Map<number, OtherValue[]>();
  private readonly valueIds = new Interner<Value>();

  /** `ballots` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(private readonly setup: PaxosSetup, private readonly ballots = new BallotIndex()) {}

  /**
   * Records that acceptor number `acceptor` (PaxosSetup.acceptorIndex) voted for (ballot,
   * value). Returns the voters, sorted, when this vote completed the first quorum for
   * it; otherwise null.
   */
  vote(ballot: number, value: Value, acceptor: number): string[] | null {
    const id = this.ballots.idOf(ballot);
    const v = this.valueIds.idOf(value) + 1;
    const first = at(this.first, id);
    if (first === 0) this.first = put(this.first, id, v);
    else if (first !== v && first !== -v) return this.voteOther(id, value, this.setup.acceptorAt(acceptor));
    else if (first < 0) return null;
    const { words } = this.setup;
    const bits = id * words;
    // Past the end everything reads 0: storing a 0 there only makes room.
    if (bits + words > this.who.length) this.who = put(this.who, bits + words - 1, 0);
    const word = bits + (acceptor >> 5);
    this.who = put(this.who, word, this.who[word] | (1 << (acceptor & 31)));
    if (!this.setup.bitsContainQuorum(this.who, bits)) return null;
    this.first = put(this.first, id, -v);
    const by: string[] = [];
    for (let i = 0; i < this.setup.acceptors.size; i++) if (hasBit(this.who, bits, i)) by.push(this.setup.acceptorAt(i));
    return by.sort();
  }

  private voteOther(id: number, value: Value, acceptor: string): string[] | null {
    let list = this.others.get(id);
    if (!list) this.others.set(id, (list = []));
    let p = list.find((q) => q.value === value);
    if (!p) list.push((p = { value, who: new Set() }));
    const who = p.who;
    if (who === null) return null;
    who.add(acceptor);
    if (!this.setup.containsQuorum(who)) return null;
    p.who = null;
    return [...who].sort();
  }
}
