/**
 * Weighted round robin: within each stable membership, the picks fall into periods of
 * P = Σw/gcd(w) picks in which every backend is served exactly w/gcd times. The period may
 * start at any offset (phase) within the segment, but one phase must hold throughout.
 * Also reports the longest burst (run of consecutive picks of one backend).
 *
 * Memory: the last P picks and one flag per phase — O(P + N), bounded by the weights.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
export declare class WeightedRoundRobinChecker extends BalancerChecker {
    readonly name = "weighted-round-robin";
    private segment;
    private unchecked;
    private segmentsJudged;
    private windowsChecked;
    private phases;
    private burst;
    private longest;
    constructor(header: BalancerHeader);
    private openSegment;
    private bump;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    private closeSegment;
    protected onMembership(_removed: string[], _added: string[], line: number): void;
    end(): Verdict[];
}
