/**
 * Ballots are unique per proposer: once a proposer has used a ballot (in a prepare or an
 * accept it sent), no other node may send a prepare or accept with it. State: one owner
 * per ballot seen.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
export declare class UniqueBallotChecker implements Checker {
    readonly name = "paxos.unique-ballots";
    private readonly window;
    private readonly log;
    private readonly owner;
    /** Ballots already reported, so one clash is one violation however often it is reused. */
    private readonly reported;
    event(e: TraceEvent, line: number): void;
    end(): Verdict[];
}
