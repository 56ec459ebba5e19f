/**
 * The source article's Paxos, translated faithfully, bugs included:
 * 1. the proposer stops collecting after the FIRST prepare response and treats that one
 *    promise as enough to send accept;
 * 2. proposal numbers are the proposer's timestamp (a coarse clock with per-proposer
 *    skew), and acceptors compare them with >=, so two proposers in the same clock tick
 *    share a number and a proposer with a stale clock proposes "old" numbers;
 * 3. an acceptor accepts only if the proposal number equals the last number it saw
 *    (number == last_zxid), instead of "at least its promise".
 */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';
import { send, type Effect, type PaxosNode, type ProposerNode, type Value } from './roles.ts';

/** Clock resolution of the proposers' timestamps, in simulated ms. */
export const CLOCK_RESOLUTION = 4;

export class ArticleProposer implements ProposerNode {
  private number = -1;
  private sentAccept = false;

  constructor(
    readonly id: string,
    readonly value: Value,
    private readonly acceptors: string[],
    /** How far this proposer's clock is off (negative: stale). */
    private readonly skew: number,
  ) {}

  start(now: number): Effect[] {
    this.number = Math.max(0, Math.floor((now + this.skew) / CLOCK_RESOLUTION));
    this.sentAccept = false;
    return [send(this.acceptors, { type: 'prepare', ballot: this.number })];
  }

  receive(_from: string, msg: PaxosMessage): Effect[] {
    if (msg.type !== 'promise' || msg.ballot !== this.number || this.sentAccept) return [];
    // Bug 1: the first response is taken as the quorum.
    this.sentAccept = true;
    const value = msg.acceptedValue === null ? this.value : String(msg.acceptedValue);
    return [send(this.acceptors, { type: 'accept', ballot: this.number, value })];
  }
}

export class ArticleAcceptor implements PaxosNode {
  /** The article's last_zxid: the last proposal number this acceptor saw in a prepare. */
  private lastZxid = -1;
  private acceptedBallot: number | null = null;
  private acceptedValue: Value | null = null;

  constructor(readonly id: string, private readonly learners: string[]) {}

  receive(from: string, msg: PaxosMessage): Effect[] {
    if (msg.type === 'prepare') {
      // Bug 2: timestamps compared with >=, so equal numbers from different proposers pass.
      if (msg.ballot < this.lastZxid) return [];
      this.lastZxid = msg.ballot;
      return [send([from], { type: 'promise', ballot: msg.ballot, acceptedBallot: this.acceptedBallot, acceptedValue: this.acceptedValue })];
    }
    if (msg.type === 'accept') {
      // Bug 3: accept only when the number equals the last one seen.
      if (msg.ballot !== this.lastZxid) return [];
      this.acceptedBallot = msg.ballot;
      this.acceptedValue = String(msg.value);
      return [send([from, ...this.learners], { type: 'accepted', ballot: msg.ballot, value: msg.value })];
    }
    return [];
  }
}
