/**
 * Which values are chosen, in Paxos.tla's sense: every acceptor of some quorum accepted
 * the value in one ballot. Acceptances are read from an acceptor's own `accepted` send, or
 * from an `accepted` message received from an acceptor (for traces that log only
 * receptions). Memory: the votes of every ballot, 2 bytes per ballot below 8 acceptors
 * and 127 values (see ./quorum-votes.ts), plus the distinct chosen values: bounded by the
 * ballots and proposals in the trace, never by the events per ballot.
 */
import type { PaxosEvent } from './ballot-order.ts';
import { BallotIndex } from './ballot-index.ts';
import { QuorumVotes } from './quorum-votes.ts';
import type { PaxosSetup, Value } from './setup.ts';

/** A proposal that has just become chosen: its ballot, value and the acceptors that did it. */
export interface Chosen {
  ballot: number;
  value: Value;
  by: string[];
}

/** Keys values by type too: the number 1 and the string "1" are different values. */
export const valueKey = (v: Value) => `${typeof v} ${v}`;

/**
 * Several checkers ask the same tracker about the same event (see ./index.ts): the result
 * of the last event is kept, so each event is counted once however many checkers ask.
 */
export class ChosenTracker {
  /**
   * Kept for the whole trace: a late acceptance of a chosen proposal must not make it
   * chosen twice.
   */
  private readonly votes: QuorumVotes;
  /** Distinct chosen values, in the order they became chosen. */
  readonly values = new Map<string, Value>();
  private lastEvent: PaxosEvent | undefined;
  private lastLine = 0;
  private lastResult: Chosen | null = null;

  /** `ballots` may be shared with the other checkers of the trace (see ./index.ts). */
  constructor(private readonly setup: PaxosSetup, ballots = new BallotIndex()) {
    this.votes = new QuorumVotes(setup, ballots);
  }

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
    const acceptor = this.setup.acceptorIndex(e.kind === 'send' ? e.node : e.from);
    if (acceptor < 0) return null;
    const by = this.votes.vote(msg.ballot, msg.value, acceptor);
    if (by === null) return null;
    this.values.set(valueKey(msg.value), msg.value);
    return { ballot: msg.ballot, value: msg.value, by };
  }

  isChosen(v: Value): boolean { return this.values.has(valueKey(v)); }
}
