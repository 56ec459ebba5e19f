/**
 * pick-validity, for every policy: a pick names a current backend, a request is picked
 * once, a done closes an open request on the backend it was sent to, and power-of-two
 * candidates are current backends that include the chosen one.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker } from './base.ts';
export declare class PickValidityChecker extends BalancerChecker {
    readonly name = "pick-validity";
    private readonly inflight;
    private picks;
    protected onPick(e: EventOf<'pick'>, line: number): void;
    protected onDone(e: EventOf<'done'>, line: number): void;
    end(): Verdict[];
}
