import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class ModuloHash implements Balancer {
    readonly policy: 'hash';
    private ids;
    constructor(backends: readonly Backend[]);
    pick(request: string, key?: string): Decision;
    done(): void;
    setBackends(backends: readonly Backend[]): void;
}
