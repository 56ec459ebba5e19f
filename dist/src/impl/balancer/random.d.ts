import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class RandomBalancer implements Balancer {
    readonly policy: 'random';
    private backends;
    private state;
    constructor(backends: readonly Backend[], seed: number);
    pick(): Decision;
    done(): void;
    setBackends(backends: readonly Backend[]): void;
}
