/**
 * Ballot numbers interned to dense ids 0, 1, 2, … in first-seen order, so the Paxos
 * checkers keep their per-ballot records in typed-array columns indexed by id (see
 * `fit`) instead of one Map entry and one object per ballot. The checkers of one trace
 * share one index (./index.ts): the ballot is hashed once per event, and each checker
 * pays only for its own columns.
 *
 * Open addressing with linear probing over an Int32Array of ids (load at most 1/2), the
 * ballots themselves in a column by id (./columns.ts; ballots are safe integers, any
 * sign). Memory: 4 bytes per slot, 2 to 4 slots per ballot, plus 1 to 8 bytes per ballot
 * (4 for ballots up to 2^31); nothing per event.
 */
import { column, put } from './columns.ts';

export class BallotIndex {
  /** id + 1 per slot, 0 when empty. */
  private slots = new Int32Array(64);
  private shift = 32 - 6;
  private ballots = column();
  private count = 0;
  /**
   * The last two ballots asked for: consecutive events mostly carry the same one, and a
   * promise also carries the ballot of the vote it reports.
   */
  private lastBallot = NaN;
  private lastId = -1;
  private olderBallot = NaN;
  private olderId = -1;

  /** Distinct ballots seen so far (ids are 0 .. size - 1). */
  get size(): number { return this.count; }

  ballotOf(id: number): number { return this.ballots[id]; }

  /** The ballot's id, assigned on first sight. */
  idOf(ballot: number): number {
    if (ballot === this.lastBallot) return this.lastId;
    if (ballot === this.olderBallot) return this.remember(ballot, this.olderId);
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = slotOf(ballot, this.shift);
    for (let s = slots[i]; s !== 0; s = slots[i]) {
      if (this.ballots[s - 1] === ballot) return this.remember(ballot, s - 1);
      i = (i + 1) & mask;
    }
    const id = this.count++;
    this.ballots = put(this.ballots, id, ballot);
    slots[i] = id + 1;
    if (2 * this.count > slots.length) this.rehash();
    return this.remember(ballot, id);
  }

  private remember(ballot: number, id: number): number {
    this.olderBallot = this.lastBallot;
    this.olderId = this.lastId;
    this.lastBallot = ballot;
    this.lastId = id;
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    this.shift--;
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let i = slotOf(this.ballots[id], this.shift);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}

/** Fibonacci hashing of both 32-bit halves: consecutive ballots land far apart. */
function slotOf(ballot: number, shift: number): number {
  const lo = ballot | 0;
  const hi = (ballot / 4294967296) | 0;
  return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> shift;
}
