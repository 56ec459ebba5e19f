/**
 * Smooth weighted round robin (nginx): every pick adds each backend's weight to its current
 * score, serves the highest score and subtracts the total weight from it. Over each period
 * of sum(weights)/gcd picks every backend is served exactly in proportion, interleaved.
 * A membership change restarts the scores at zero, as nginx does when it rebuilds peers.
 */
import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class SmoothWeightedRoundRobin implements Balancer {
    readonly policy: 'weighted-round-robin';
    private backends;
    private current;
    constructor(backends: readonly Backend[]);
    pick(): Decision;
    done(): void;
    setBackends(backends: readonly Backend[]): void;
}
