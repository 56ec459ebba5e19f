/**
 * Paxos proposer: on `start` it moves to its next ballot and sends prepare; once a quorum
 * of acceptors promised that ballot it sends accept with the value of the highest-ballot
 * proposal they reported, or its own value when none reported one.
 */
import { isQuorum, send, type Input, type NodeId, type Output, type PaxosNode, type ProposerConfig, type ProposerView, type Value } from './types.ts';

export interface Promised { acceptedBallot: number | null; acceptedValue: Value | null }

/** Points where a mutant may bend the proposer's rules (see ./mutants.ts). */
export interface ProposerRules {
  /** The value to propose given a quorum's promises. Correct: highest accepted, else own. */
  choose(promises: Map<NodeId, Promised>, own: Value): Value;
  /** Has it heard from enough acceptors? Correct: the promisers contain a quorum. */
  enough(promisers: NodeId[], config: ProposerConfig): boolean;
  /** Does this promise count? Correct: it is for the current ballot and the acceptor's first. */
  counts(msgBallot: number, ballot: number, already: boolean): boolean;
}

export function highestAccepted(promises: Iterable<Promised>): Value | null {
  let best: Promised | null = null;
  for (const p of promises) {
    if (p.acceptedBallot !== null && (best === null || p.acceptedBallot > (best.acceptedBallot as number))) best = p;
  }
  return best ? best.acceptedValue : null;
}

export const correctProposerRules: ProposerRules = {
  choose: (promises, own) => highestAccepted(promises.values()) ?? own,
  enough: (promisers, config) => isQuorum(promisers, config.quorums),
  counts: (msgBallot, ballot, already) => msgBallot === ballot && !already,
};

export class Proposer implements PaxosNode {
  readonly role = 'proposer';
  readonly id: string;
  private round = -1;
  private phase: ProposerView['phase'] = 'idle';
  private promises = new Map<NodeId, Promised>();
  private proposed: Value | null = null;

  constructor(private readonly config: ProposerConfig, private readonly rules: ProposerRules = correctProposerRules) {
    this.id = config.self;
  }

  private get ballot(): number { return this.config.ballots[this.round]; }

  handle(input: Input): Output[] {
    if (input.kind === 'event') return input.event.type === 'start' ? this.start() : [];
    const { from, msg } = input;
    if (msg.type !== 'promise' || this.phase !== 'preparing') return [];
    if (!this.rules.counts(msg.ballot, this.ballot, this.promises.has(from))) return [];
    this.promises.set(from, { acceptedBallot: msg.acceptedBallot, acceptedValue: msg.acceptedValue === null ? null : String(msg.acceptedValue) });
    if (!this.rules.enough([...this.promises.keys()], this.config)) return [];
    this.phase = 'accepting';
    this.proposed = this.rules.choose(this.promises, this.config.value);
    return [send(this.config.acceptors, { type: 'accept', ballot: this.ballot, value: this.proposed })];
  }

  /** Gives up the current ballot (a timeout) and prepares the next one, if it owns one. */
  private start(): Output[] {
    if (this.round + 1 >= this.config.ballots.length) return [];
    this.round++;
    this.phase = 'preparing';
    this.promises = new Map();
    this.proposed = null;
    return [send(this.config.acceptors, { type: 'prepare', ballot: this.ballot })];
  }

  observe(): ProposerView {
    return {
      phase: this.phase,
      ballot: this.round < 0 ? null : this.ballot,
      promised: [...this.promises.keys()].sort(),
      proposed: this.proposed,
    };
  }

  save(): unknown { return { round: this.round }; }
  /** After a crash it resumes idle, past every ballot it already used. */
  load(saved: unknown): void {
    this.round = (saved as { round: number }).round;
    this.phase = 'idle';
    this.promises = new Map();
    this.proposed = null;
  }
}
