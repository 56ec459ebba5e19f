import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import type { PaxosHeader } from './setup.ts';
export declare class PaxosRefinementChecker implements Checker {
    readonly name = "paxos.refinement";
    private readonly window;
    private readonly log;
    private readonly replays;
    private skipped;
    private stopped;
    private acceptors;
    private readonly proposers;
    /** ballot -> acceptor -> its promise: the message set a non-receiving proposer reads. */
    private readonly sentPromises;
    /** Proposers seen receiving. */
    private readonly receiving;
    /** Non-receiving proposers -> line of their first accept (explained by the message set). */
    private readonly setReaders;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    /** Tracks the message set and which proposers read it; a reason if one turns out to receive. */
    private setRead;
    end(): Verdict[];
}
