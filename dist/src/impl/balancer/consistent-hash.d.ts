import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class ConsistentHash implements Balancer {
    readonly policy: 'consistent-hash';
    private ring;
    constructor(backends: readonly Backend[]);
    pick(request: string, key?: string): Decision;
    done(): void;
    setBackends(backends: readonly Backend[]): void;
}
