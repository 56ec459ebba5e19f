/**
 * The source article's Paxos, translated faithfully, bugs included:
 * 1. the proposer stops collecting after the FIRST prepare response and treats that one
 *    promise as enough to send accept;
 * 2. proposal numbers are the proposer's timestamp (a coarse clock with per-proposer
 *    skew), and acceptors compare them with >=, so two proposers in the same clock tick
 *    share a number and a proposer with a stale clock proposes "old" numbers;
 * 3. an acceptor accepts only if the proposal number equals the last number it saw
 *    (number == last_zxid), instead of "at least its promise".
 */
import type { PaxosMessage } from '../../../conformance/schema/trace.ts';
import { type Effect, type PaxosNode, type ProposerNode, type Value } from './roles.ts';
/** Clock resolution of the proposers' timestamps, in simulated ms. */
export declare const CLOCK_RESOLUTION = 4;
export declare class ArticleProposer implements ProposerNode {
    readonly id: string;
    readonly value: Value;
    private readonly acceptors;
    /** How far this proposer's clock is off (negative: stale). */
    private readonly skew;
    private number;
    private sentAccept;
    constructor(id: string, value: Value, acceptors: string[], 
    /** How far this proposer's clock is off (negative: stale). */
    skew: number);
    start(now: number): Effect[];
    receive(_from: string, msg: PaxosMessage): Effect[];
}
export declare class ArticleAcceptor implements PaxosNode {
    readonly id: string;
    private readonly learners;
    /** The article's last_zxid: the last proposal number this acceptor saw in a prepare. */
    private lastZxid;
    private acceptedBallot;
    private acceptedValue;
    constructor(id: string, learners: string[]);
    receive(from: string, msg: PaxosMessage): Effect[];
}
