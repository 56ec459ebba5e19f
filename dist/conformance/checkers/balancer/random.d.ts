/**
 * Random. random-uniformity: Pearson's chi-square goodness of fit of the picks to the
 * weights, per stable membership, the segments' statistics and degrees of freedom summed
 * (independent chi-squares add). random-independence: Good's serial test on consecutive
 * pairs (ψ²₂ − ψ²₁, N(N−1) degrees of freedom), which a rotation posing as random fails.
 * Both report the p-value; both fail below ALPHA. Figures include the picks needed to
 * detect a 10% skew and the smallest skew this trace could detect (power 0.8).
 *
 * Memory: pick counts per backend and per ordered pair of backends — O(N²).
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
export declare const ALPHA = 0.001;
export declare const POWER = 0.8;
export declare class RandomChecker extends BalancerChecker {
    readonly name = "random";
    private readonly serialLog;
    private segment;
    private gof;
    private serial;
    private picks;
    private lastLine;
    /** The segment with the most picks, for the sample-size figures. */
    private largest;
    constructor(header: BalancerHeader);
    private newSegment;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    private closeSegment;
    protected onMembership(_r: string[], _a: string[], line: number): void;
    end(): Verdict[];
}
