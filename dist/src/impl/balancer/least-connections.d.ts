import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class LeastConnections implements Balancer {
    readonly policy: 'least-connections';
    private backends;
    private readonly inflight;
    private start;
    constructor(backends: readonly Backend[]);
    pick(request: string): Decision;
    done(request: string): void;
    setBackends(backends: readonly Backend[]): void;
}
