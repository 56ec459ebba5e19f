/** Paxos learner: decides once a quorum of acceptors accepted one (ballot, value). */
import { isQuorum, type Input, type LearnerConfig, type LearnerView, type Output, type PaxosNode } from './types.ts';

/** Points where a mutant may bend the learner's rules (see ./mutants.ts). */
export interface LearnerRules {
  /** The key acceptances are counted under. Correct: ballot and value together. */
  key(ballot: number, value: string): string;
  /** Enough acceptors? Correct: they contain a quorum. */
  enough(acceptors: string[], quorums: string[][]): boolean;
}

export const correctLearnerRules: LearnerRules = {
  key: (ballot, value) => `${ballot}|${value}`,
  enough: (acceptors, quorums) => isQuorum(acceptors, quorums),
};

export class Learner implements PaxosNode {
  readonly role = 'learner';
  readonly id: string;
  private accepted: Record<string, string[]> = {};
  private decided: string | null = null;

  constructor(private readonly config: LearnerConfig, private readonly rules: LearnerRules = correctLearnerRules) {
    this.id = config.self;
  }

  handle(input: Input): Output[] {
    if (input.kind !== 'receive' || input.msg.type !== 'accepted' || this.decided !== null) return [];
    const { from, msg } = input;
    const key = this.rules.key(msg.ballot, String(msg.value));
    const heard = this.accepted[key] ?? [];
    if (heard.includes(from)) return [];
    this.accepted = { ...this.accepted, [key]: [...heard, from].sort() };
    const done = Object.entries(this.accepted).find(([, as]) => this.rules.enough(as, this.config.quorums));
    if (!done) return [];
    this.decided = done[0].slice(done[0].indexOf('|') + 1);
    return [{ type: 'decide', value: this.decided }];
  }

  observe(): LearnerView { return { accepted: { ...this.accepted }, decided: this.decided }; }
  save(): unknown { return { accepted: this.accepted, decided: this.decided }; }
  load(saved: unknown): void {
    const s = saved as LearnerView;
    this.accepted = { ...s.accepted };
    this.decided = s.decided;
  }
}
