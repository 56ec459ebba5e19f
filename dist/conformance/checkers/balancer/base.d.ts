/**
 * Common skeleton of the balancer checkers: built from the trace's header, with the shared
 * event window and violation log (../window.ts), the current membership, and dispatch by
 * event kind.
 */
import type { HeaderOf } from '../../schema/header.ts';
import type { EventOf, TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog } from '../window.ts';
import { Membership } from './support.ts';
export type BalancerHeader = HeaderOf<'balancer'>;
export declare abstract class BalancerChecker implements Checker {
    protected readonly header: BalancerHeader;
    abstract readonly name: string;
    protected readonly window: EventWindow;
    protected readonly log: ViolationLog;
    protected readonly membership: Membership;
    constructor(header: BalancerHeader);
    event(e: TraceEvent, line: number): void;
    protected abstract onPick(e: EventOf<'pick'>, line: number): void;
    protected onDone(_e: EventOf<'done'>, _line: number): void;
    protected onMembership(_removed: string[], _added: string[], _line: number): void;
    abstract end(): Verdict[];
}
/** In-flight counts reconstructed from pick and done events (for LC and P2C). */
export declare class InflightCounts {
    private readonly byRequest;
    private readonly counts;
    count(backend: string): number;
    pick(request: string, backend: string): void;
    /** False when the request was not in flight. */
    done(request: string): boolean;
    backendOf(request: string): string | undefined;
    get open(): number;
}
