/**
 * Agreement (at most one value is chosen, and nobody decides another) and validity (only
 * a proposed value is chosen or decided). "Chosen" is Paxos.tla's: a quorum of acceptors
 * accepted the value in one ballot (see ./chosen.ts), so both properties also judge runs
 * without learners, as the explorer's counterexamples of the Paxos.tla system are.
 * Validity uses the trace's propose events when it has any, otherwise the header's values.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type PaxosHeader } from './setup.ts';
export declare class AgreementChecker implements Checker {
    readonly name = "paxos.agreement";
    private readonly window;
    private readonly log;
    private readonly chosen;
    /** The first value decided or chosen, which everything after must agree with. */
    private first;
    private decisions;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    private settle;
    end(): Verdict[];
}
export declare class ValidityChecker implements Checker {
    readonly name = "paxos.validity";
    private readonly window;
    private readonly log;
    private headerValues;
    private readonly proposed;
    private readonly chosen;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    private judge;
    end(): Verdict[];
}
