/**
 * p2c-less-loaded: power of two choices never sends a request to the more loaded of its
 * two sampled candidates (in-flight per unit of weight, reconstructed from pick and done
 * events). Needs the `candidates` field on picks; without it the property is skipped.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker } from './base.ts';
export declare class PowerOfTwoChecker extends BalancerChecker {
    readonly name = "power-of-two";
    private readonly inflight;
    private judged;
    private unjudged;
    private contested;
    private load;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    protected onDone(e: EventOf<'done'>): void;
    end(): Verdict[];
}
