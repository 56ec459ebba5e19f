/**
 * Phase 2a discipline (Paxos Made Simple, P2c), judged at each accept a proposer sends:
 * - accept-after-quorum: the proposer had received promises for that ballot from a quorum;
 * - accept-value: the value is the one of the highest-ballot proposal accepted among
 *   some quorum of those promises, or a proposable value if that quorum accepted nothing.
 * A proposer that logs no receive is judged as Paxos.tla's, which reads promises from the
 * message set: on the promises acceptors sent for the ballot (see noteReceiving).
 * A second accept with another value in the same ballot breaks accept-value too.
 * State: promises per ballot, sent and received per proposer (bounded by ballots x acceptors).
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { type PaxosHeader, type PaxosSetup, type Value } from './setup.ts';
interface Promised {
    acceptedBallot: number | null;
    acceptedValue: Value | null;
}
type Promises = Map<string, Promised>;
/**
 * Is `value` a legal 2a value given these promises? Quorums are closed under supersets,
 * so it is enough to ask, for each candidate highest ballot c, whether the promises that
 * do not outrank (c, value) contain a quorum and include one that accepted (c, value).
 */
export declare function justifiedValue(promises: Promises, value: Value, freeValues: ReadonlySet<Value>, setup: PaxosSetup): boolean;
export declare class Phase2aChecker implements Checker {
    readonly name = "paxos.phase2a";
    private readonly window;
    private readonly quorumLog;
    private readonly valueLog;
    private readonly setup;
    private readonly free;
    /** proposer -> ballot -> acceptor -> what it reported. */
    private readonly received;
    /** ballot -> acceptor -> what it reported: Paxos.tla's 1b messages, which have no addressee. */
    private readonly sent;
    /** Proposers that logged a receive: they are judged on what they received. */
    private readonly receiving;
    /** Accepts of proposers not (yet) known to receive, judged on the promises sent so far. */
    private readonly setReads;
    /** "proposer ballot" -> value of its first accept: a broadcast logged per recipient counts once. */
    private readonly judged;
    private accepts;
    constructor(h: PaxosHeader);
    event(e: TraceEvent, line: number): void;
    /**
     * A proposer that logs no receive reads promises from the message set (Paxos.tla's
     * Phase2a, and the explorer's Paxos.tla system). Once it is seen receiving, every accept
     * it sent while unseen was sent before it had received a single promise.
     */
    private noteReceiving;
    private judge;
    end(): Verdict[];
}
export {};
