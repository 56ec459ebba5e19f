/**
 * Round robin. On a membership change the survivors keep their cyclic order, newcomers
 * join at the end of the cycle, and the turn passes to the first survivor that had not yet
 * had its turn, so nobody is skipped or served twice.
 */
import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class RoundRobin implements Balancer {
    readonly policy: 'round-robin';
    private order;
    /** Index in `order` of the backend whose turn is next. */
    private next;
    constructor(backends: readonly Backend[]);
    pick(): Decision;
    done(): void;
    setBackends(backends: readonly Backend[]): void;
}
