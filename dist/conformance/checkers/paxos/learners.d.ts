/**
 * A node decides only a value a quorum of acceptors accepted in one ballot (./chosen.ts
 * says where acceptances are read from). State: acceptors per (ballot, value).
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type PaxosHeader } from './setup.ts';
export declare class DecideChosenChecker implements Checker {
    readonly name = "paxos.decide-chosen";
    private readonly window;
    private readonly log;
    private readonly chosen;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    end(): Verdict[];
}
