/**
 * Which values are chosen, in Paxos.tla's sense: every acceptor of some quorum accepted
 * the value in one ballot. Acceptances are read from an acceptor's own `accepted` send, or
 * from an `accepted` message received from an acceptor (for traces that log only
 * receptions). Memory: the acceptor set of each (ballot, value) not yet chosen, and the
 * key of each chosen one — bounded by the distinct proposals in the trace, not its length.
 */
import type { PaxosEvent } from './ballot-order.ts';
import type { PaxosSetup, Value } from './setup.ts';

export interface Acceptance {
  acceptor: string;
  ballot: number;
  value: Value;
}

/** The acceptance an event shows, if any. */
export function acceptanceIn(e: PaxosEvent, acceptors: ReadonlySet<string>): Acceptance | null {
  if (e.kind === 'send' && e.msg.type === 'accepted' && acceptors.has(e.node)) {
    return { acceptor: e.node, ballot: e.msg.ballot, value: e.msg.value };
  }
  if (e.kind === 'receive' && e.msg.type === 'accepted' && acceptors.has(e.from)) {
    return { acceptor: e.from, ballot: e.msg.ballot, value: e.msg.value };
  }
  return null;
}

/** A proposal that has just become chosen: its ballot, value and the acceptors that did it. */
export interface Chosen {
  ballot: number;
  value: Value;
  by: string[];
}

/** Keys values by type too: the number 1 and the string "1" are different values. */
export const valueKey = (v: Value) => `${typeof v} ${v}`;

export class ChosenTracker {
  /** "ballot type value" -> acceptors that accepted it, until a quorum has. */
  private readonly pending = new Map<string, Set<string>>();
  private readonly chosenProposals = new Set<string>();
  /** Distinct chosen values, in the order they became chosen. */
  readonly values = new Map<string, Value>();

  constructor(private readonly setup: PaxosSetup) {}

  /** Records the event's acceptance, if it shows one; returns the proposal it made chosen. */
  observe(e: PaxosEvent): Chosen | null {
    const a = acceptanceIn(e, this.setup.acceptors);
    if (!a) return null;
    const key = `${a.ballot} ${valueKey(a.value)}`;
    if (this.chosenProposals.has(key)) return null;
    let who = this.pending.get(key);
    if (!who) this.pending.set(key, (who = new Set()));
    who.add(a.acceptor);
    if (!this.setup.containsQuorum(who)) return null;
    this.pending.delete(key);
    this.chosenProposals.add(key);
    this.values.set(valueKey(a.value), a.value);
    return { ballot: a.ballot, value: a.value, by: [...who].sort() };
  }

  isChosen(v: Value): boolean { return this.values.has(valueKey(v)); }
}
