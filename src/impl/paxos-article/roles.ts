/** What a simulated Paxos node can do: react to a message, and (proposers) start a round. */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';

export type Value = string;
export type Effect = { send: { to: string[]; msg: PaxosMessage } } | { decide: Value };

export interface PaxosNode {
  readonly id: string;
  receive(from: string, msg: PaxosMessage, now: number): Effect[];
}

export interface ProposerNode extends PaxosNode {
  readonly value: Value;
  /** Start a new round (first attempt or retry after a timeout). */
  start(now: number): Effect[];
}

export interface Cluster {
  proposers: ProposerNode[];
  acceptors: PaxosNode[];
  learners: PaxosNode[];
}

export const send = (to: string[], msg: PaxosMessage): Effect => ({ send: { to, msg } });

/** A correct learner: decides once a quorum of acceptors accepted one (ballot, value). */
export class Learner implements PaxosNode {
  private readonly heard = new Map<string, Set<string>>();
  private decided = false;

  /** `hasty` learners decide on the first accepted message (a mutation for testing checkers). */
  constructor(readonly id: string, private readonly quorumSize: number, private readonly hasty = false) {}

  receive(from: string, msg: PaxosMessage): Effect[] {
    if (msg.type !== 'accepted' || this.decided) return [];
    const key = `${msg.ballot}|${msg.value}`;
    let who = this.heard.get(key);
    if (!who) this.heard.set(key, (who = new Set()));
    who.add(from);
    if (who.size < (this.hasty ? 1 : this.quorumSize)) return [];
    this.decided = true;
    return [{ decide: String(msg.value) }];
  }
}

/**
 * A learner in a common library style that is subtly wrong: it keeps only the latest
 * (ballot, value) each acceptor reported and decides when a quorum's latest agree. When
 * an acceptor moves on to a higher ballot before the learner heard the rest of the
 * quorum of a lower one, a value a quorum accepted is never decided (liveness, not safety:
 * what it decides is still chosen).
 */
export class LatestOnlyLearner implements PaxosNode {
  private readonly latest = new Map<string, { ballot: number; value: Value }>();
  private decided = false;

  constructor(readonly id: string, private readonly quorumSize: number) {}

  receive(from: string, msg: PaxosMessage): Effect[] {
    if (msg.type !== 'accepted' || this.decided) return [];
    const prior = this.latest.get(from);
    if (prior && prior.ballot >= msg.ballot) return [];
    this.latest.set(from, { ballot: msg.ballot, value: String(msg.value) });
    let agreeing = 0;
    for (const l of this.latest.values()) if (l.ballot === msg.ballot && l.value === String(msg.value)) agreeing++;
    if (agreeing < this.quorumSize) return [];
    this.decided = true;
    return [{ decide: String(msg.value) }];
  }
}
