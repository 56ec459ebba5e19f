/**
 * Which values are chosen, in Paxos.tla's sense: every acceptor of some quorum accepted
 * the value in one ballot. Acceptances are read from an acceptor's own `accepted` send, or
 * from an `accepted` message received from an acceptor (for traces that log only
 * receptions). Memory: the acceptor set of each (ballot, value) not yet chosen, and a
 * marker for each chosen one (a few dozen bytes) — bounded by the distinct proposals in
 * the trace, not its length.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { PaxosSetup, Value } from './setup.ts';

/** A proposal that has just become chosen: its ballot, value and the acceptors that did it. */
export interface Chosen {
  ballot: number;
  value: Value;
  by: string[];
}

/** Keys values by type too: the number 1 and the string "1" are different values. */
export const valueKey = (v: Value) => `${typeof v} ${v}`;

/** One (ballot, value) of a ballot's proposals; a ballot usually has one, so they form a list. */
interface Proposal {
  value: Value;
  /** Acceptors that accepted it so far, or null once a quorum has (it is chosen). */
  who: Set<string> | null;
  next: Proposal | undefined;
}

/**
 * Several checkers ask the same tracker about the same event (see ./index.ts): the result
 * of the last event is kept, so each event is counted once however many checkers ask.
 */
export class ChosenTracker {
  /**
   * ballot -> its proposals, or just the value once the ballot's only proposal is chosen
   * (the usual end of a ballot, kept for the whole trace, so kept small). Keyed by number
   * and compared with === (which tells the number 1 from the string "1", as valueKey
   * does): no key string per event.
   */
  private readonly proposals = new Map<number, Proposal | Value>();
  /** Distinct chosen values, in the order they became chosen. */
  readonly values = new Map<string, Value>();
  private lastEvent: PaxosEvent | undefined;
  private lastLine = 0;
  private lastResult: Chosen | null = null;

  constructor(private readonly setup: PaxosSetup) {}

  /**
   * Records the event's acceptance, if it shows one; returns the proposal it made chosen.
   * Asked again for the same event at the same line, it answers the same without counting it twice.
   */
  observe(e: PaxosEvent, line: number): Chosen | null {
    if (e === this.lastEvent && line === this.lastLine) return this.lastResult;
    this.lastEvent = e;
    this.lastLine = line;
    this.lastResult = this.record(e);
    return this.lastResult;
  }

  private record(e: PaxosEvent): Chosen | null {
    if (e.kind !== 'send' && e.kind !== 'receive') return null;
    const msg = e.msg;
    if (msg.type !== 'accepted') return null;
    const acceptor = e.kind === 'send' ? e.node : e.from;
    if (!this.setup.acceptors.has(acceptor)) return null;
    const { ballot, value } = msg;
    let head = this.proposals.get(ballot);
    if (head !== undefined && typeof head !== 'object') {
      if (head === value) return null;
      head = { value: head, who: null, next: undefined };
    }
    let p = head;
    while (p !== undefined && p.value !== value) p = p.next;
    if (p === undefined) {
      p = head = { value, who: new Set(), next: head };
      this.proposals.set(ballot, p);
    }
    const who = p.who;
    if (who === null) return null;
    who.add(acceptor);
    if (!this.setup.containsQuorum(who)) return null;
    p.who = null;
    if (p === head && p.next === undefined) this.proposals.set(ballot, value);
    this.values.set(valueKey(value), value);
    return { ballot, value, by: [...who].sort() };
  }

  isChosen(v: Value): boolean { return this.values.has(valueKey(v)); }
}
