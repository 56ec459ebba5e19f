/**
 * Paxos proposer: on `start` it moves to its next ballot and sends prepare; once a quorum
 * of acceptors promised that ballot it sends accept with the value of the highest-ballot
 * proposal they reported, or its own value when none reported one.
 */
import { type Input, type NodeId, type Output, type PaxosNode, type ProposerConfig, type ProposerView, type Value } from './types.ts';
export interface Promised {
    acceptedBallot: number | null;
    acceptedValue: Value | null;
}
/** Points where a mutant may bend the proposer's rules (see ./mutants.ts). */
export interface ProposerRules {
    /** The value to propose given a quorum's promises. Correct: highest accepted, else own. */
    choose(promises: Map<NodeId, Promised>, own: Value): Value;
    /** Has it heard from enough acceptors? Correct: the promisers contain a quorum. */
    enough(promisers: NodeId[], config: ProposerConfig): boolean;
    /** Does this promise count? Correct: it is for the current ballot and the acceptor's first. */
    counts(msgBallot: number, ballot: number, already: boolean): boolean;
}
export declare function highestAccepted(promises: Iterable<Promised>): Value | null;
export declare const correctProposerRules: ProposerRules;
export declare class Proposer implements PaxosNode {
    private readonly config;
    private readonly rules;
    readonly role = "proposer";
    readonly id: string;
    private round;
    private phase;
    private promises;
    private proposed;
    constructor(config: ProposerConfig, rules?: ProposerRules);
    private get ballot();
    handle(input: Input): Output[];
    /** Gives up the current ballot (a timeout) and prepares the next one, if it owns one. */
    private start;
    observe(): ProposerView;
    save(): unknown;
    /** After a crash it resumes idle, past every ballot it already used. */
    load(saved: unknown): void;
}
