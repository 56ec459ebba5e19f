/** The one interface every balancer policy (and every mutant) implements. */
import type { z } from 'zod';
import type { balancerPolicy } from '../../../conformance/schema/trace.ts';
export type Policy = z.infer<typeof balancerPolicy>;
export interface Backend {
    readonly id: string;
    readonly weight: number;
}
/** What a pick decided; `candidates` is set by power-of-two (the two sampled backends). */
export interface Decision {
    backend: string;
    candidates?: [string, string];
}
export interface Balancer {
    readonly policy: Policy;
    /** Chooses a backend for `request`; hash policies route by `key` (default: the request). */
    pick(request: string, key?: string): Decision;
    /** The request finished: its backend has one fewer in flight. */
    done(request: string): void;
    /** Replaces the backend set (add, remove, reweight). */
    setBackends(backends: readonly Backend[]): void;
}
export type BalancerFactory = (backends: readonly Backend[], seed: number) => Balancer;
export declare class NoBackendsError extends Error {
    constructor();
}
