/**
 * least-connections: the chosen backend had the fewest in-flight requests (per unit of
 * weight) among the current backends at pick time, with in-flight counts reconstructed
 * from the pick and done events. Memory: one entry per open request and per backend.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker } from './base.ts';
export declare class LeastConnectionsChecker extends BalancerChecker {
    readonly name = "least-connections";
    private readonly inflight;
    private picks;
    private contested;
    private load;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    protected onDone(e: EventOf<'done'>): void;
    end(): Verdict[];
}
