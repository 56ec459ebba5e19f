/**
 * aggregate: how evenly load was spread. Each backend's picks are divided by its fair
 * share — Σ over stable memberships of (picks in it × its weight / total weight) — so a
 * backend that was absent half the run or weighs double is not counted as unfair. Over
 * those ratios: max/mean, coefficient of variation and Jain's index. Load-spreading
 * policies fail below MIN_JAIN; hash policies follow the key distribution, so for them
 * the figures are reported without a verdict.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker } from './base.ts';
export declare const MIN_JAIN = 0.9;
export declare class AggregateChecker extends BalancerChecker {
    readonly name = "aggregate";
    private readonly picks;
    private readonly fairShare;
    private segmentPicks;
    private lastLine;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    /** Credits the closing membership's backends with their share of its picks. */
    private settle;
    event(e: Parameters<BalancerChecker['event']>[0], line: number): void;
    end(): Verdict[];
}
