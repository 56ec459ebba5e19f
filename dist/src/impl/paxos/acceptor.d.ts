/** Paxos acceptor: promise above the highest ballot seen, accept at or above it. */
import { type AcceptorConfig, type AcceptorView, type Input, type Output, type PaxosNode } from './types.ts';
/** Points where a mutant may bend the acceptor's rules (see ./mutants.ts). */
export interface AcceptorRules {
    /** May it promise `ballot` given its highest promise? Correct: strictly above. */
    mayPromise(ballot: number, maxBal: number): boolean;
    /** May it accept `ballot`? Correct: at or above its promise. */
    mayAccept(ballot: number, maxBal: number): boolean;
    /** What a promise reports as previously accepted. Correct: the last accepted proposal. */
    report(state: AcceptorView): {
        acceptedBallot: number | null;
        acceptedValue: string | null;
    };
}
export declare const correctAcceptorRules: AcceptorRules;
export declare class Acceptor implements PaxosNode {
    private readonly config;
    private readonly rules;
    readonly role = "acceptor";
    readonly id: string;
    private state;
    constructor(config: AcceptorConfig, rules?: AcceptorRules);
    handle(input: Input): Output[];
    observe(): AcceptorView;
    save(): unknown;
    load(saved: unknown): void;
}
