/**
 * Acceptor discipline, judged from what each acceptor sends (Paxos.tla Phase1b/Phase2b):
 * a promise must be for a ballot above every ballot it promised or accepted before, and
 * an accepted proposal must be at or above its promise. State: one number per acceptor.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type PaxosHeader } from './setup.ts';
export declare class AcceptorChecker implements Checker {
    readonly name = "paxos.acceptor";
    private readonly window;
    private readonly promises;
    private readonly accepts;
    private acceptors;
    /** Highest ballot each acceptor promised or accepted (its maxBal). */
    private readonly maxBal;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    end(): Verdict[];
}
