/**
 * Which values are chosen, in Paxos.tla's sense: every acceptor of some quorum accepted
 * the value in one ballot. Acceptances are read from an acceptor's own `accepted` send, or
 * from an `accepted` message received from an acceptor (for traces that log only
 * receptions). Memory: the acceptor set of each (ballot, value) not yet chosen, and the
 * key of each chosen one — bounded by the distinct proposals in the trace, not its length.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { PaxosSetup, Value } from './setup.ts';
export interface Acceptance {
    acceptor: string;
    ballot: number;
    value: Value;
}
/** The acceptance an event shows, if any. */
export declare function acceptanceIn(e: TraceEvent, acceptors: ReadonlySet<string>): Acceptance | null;
/** A proposal that has just become chosen: its ballot, value and the acceptors that did it. */
export interface Chosen {
    ballot: number;
    value: Value;
    by: string[];
}
/** Keys values by type too: the number 1 and the string "1" are different values. */
export declare const valueKey: (v: Value) => string;
export declare class ChosenTracker {
    private readonly setup;
    /** "ballot type value" -> acceptors that accepted it, until a quorum has. */
    private readonly pending;
    private readonly chosenProposals;
    /** Distinct chosen values, in the order they became chosen. */
    readonly values: Map<string, Value>;
    constructor(setup: PaxosSetup);
    /** Records the event's acceptance, if it shows one; returns the proposal it made chosen. */
    observe(e: TraceEvent): Chosen | null;
    isChosen(v: Value): boolean;
}
