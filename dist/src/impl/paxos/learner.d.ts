/** Paxos learner: decides once a quorum of acceptors accepted one (ballot, value). */
import { type Input, type LearnerConfig, type LearnerView, type Output, type PaxosNode } from './types.ts';
/** Points where a mutant may bend the learner's rules (see ./mutants.ts). */
export interface LearnerRules {
    /** The key acceptances are counted under. Correct: ballot and value together. */
    key(ballot: number, value: string): string;
    /** Enough acceptors? Correct: they contain a quorum. */
    enough(acceptors: string[], quorums: string[][]): boolean;
}
export declare const correctLearnerRules: LearnerRules;
export declare class Learner implements PaxosNode {
    private readonly config;
    private readonly rules;
    readonly role = "learner";
    readonly id: string;
    private accepted;
    private decided;
    constructor(config: LearnerConfig, rules?: LearnerRules);
    handle(input: Input): Output[];
    observe(): LearnerView;
    save(): unknown;
    load(saved: unknown): void;
}
