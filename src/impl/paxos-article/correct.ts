/**
 * A minimal correct single-decree Paxos (Paxos Made Simple), written to match the XState
 * models message for message, so its traces pass every checker including refinement.
 * `Mutation` switches on one classic mistake at a time, to record traces that break one
 * property each.
 */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';
import { send, type Effect, type PaxosNode, type ProposerNode, type Value } from './roles.ts';

export type Mutation =
  | 'none'
  /** Acceptor accepts proposals below its promise. */
  | 'accept-below-promise'
  /** Proposer ignores values reported in promises and always proposes its own. */
  | 'ignore-promised-values'
  /** Learner decides on the first accepted message instead of waiting for a quorum. */
  | 'learner-decides-on-first'
  /** The first proposer is asked for one value but proposes one it invented. */
  | 'invent-value'
  /**
   * Learner keeps only each acceptor's latest (ballot, value) and decides when a quorum's
   * latest agree: it can miss a value a quorum accepted (a liveness defect, not a safety one).
   */
  | 'learner-keeps-latest-only'
  /** Acceptor's promise leaves out the vote it cast (always says it accepted nothing). */
  | 'promise-omits-vote';

export class Proposer implements ProposerNode {
  private round = -1;
  private promises = new Map<string, { acceptedBallot: number | null; acceptedValue: Value | null }>();
  private sentAccept = false;

  constructor(
    readonly id: string,
    readonly value: Value,
    /** Ballots owned by this proposer, disjoint from every other proposer's. */
    private readonly ballots: (round: number) => number,
    private readonly acceptors: string[],
    private readonly quorumSize: number,
    private readonly mutation: Mutation = 'none',
  ) {}

  private get ballot(): number { return this.ballots(this.round); }

  start(): Effect[] {
    this.round++;
    this.promises = new Map();
    this.sentAccept = false;
    return [send(this.acceptors, { type: 'prepare', ballot: this.ballot })];
  }

  receive(from: string, msg: PaxosMessage): Effect[] {
    if (msg.type !== 'promise' || this.round < 0 || msg.ballot !== this.ballot || this.sentAccept || this.promises.has(from)) return [];
    this.promises.set(from, { acceptedBallot: msg.acceptedBallot, acceptedValue: msg.acceptedValue === null ? null : String(msg.acceptedValue) });
    if (this.promises.size < this.quorumSize) return [];
    this.sentAccept = true;
    return [send(this.acceptors, { type: 'accept', ballot: this.ballot, value: this.choose() })];
  }

  private choose(): Value {
    if (this.mutation === 'ignore-promised-values') return this.value;
    let best: { acceptedBallot: number | null; acceptedValue: Value | null } | undefined;
    for (const p of this.promises.values()) {
      if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
    }
    return best?.acceptedValue ?? this.value;
  }
}

export class Acceptor implements PaxosNode {
  private maxBal = -1;
  private maxVBal = -1;
  private maxVal: Value | null = null;

  constructor(
    readonly id: string,
    private readonly learners: string[],
    private readonly mutation: Mutation = 'none',
    /** Library style (`if ballot >= promised`): a repeated prepare for the promised ballot is answered again. */
    private readonly repromise = false,
  ) {}

  receive(from: string, msg: PaxosMessage): Effect[] {
    if (msg.type === 'prepare' && (msg.ballot > this.maxBal || (this.repromise && msg.ballot === this.maxBal))) {
      const promise: PaxosMessage = {
        type: 'promise', ballot: msg.ballot,
        acceptedBallot: this.maxVBal < 0 || this.mutation === 'promise-omits-vote' ? null : this.maxVBal,
        acceptedValue: this.mutation === 'promise-omits-vote' ? null : this.maxVal,
      };
      this.maxBal = msg.ballot;
      return [send([from], promise)];
    }
    if (msg.type === 'accept' && (msg.ballot >= this.maxBal || this.mutation === 'accept-below-promise')) {
      this.maxBal = Math.max(this.maxBal, msg.ballot);
      this.maxVBal = msg.ballot;
      this.maxVal = String(msg.value);
      return [send([from, ...this.learners], { type: 'accepted', ballot: msg.ballot, value: msg.value })];
    }
    return [];
  }
}
