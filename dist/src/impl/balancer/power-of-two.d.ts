import { type Backend, type Balancer, type Decision } from './types.ts';
export declare class PowerOfTwoChoices implements Balancer {
    readonly policy: 'power-of-two';
    private backends;
    private readonly inflight;
    private state;
    constructor(backends: readonly Backend[], seed: number);
    /** Two distinct indices (or the only one twice when there is a single backend). */
    protected sample(): [number, number];
    protected load(b: Backend): number;
    protected choose(a: Backend, b: Backend): Backend;
    pick(request: string): Decision;
    done(request: string): void;
    setBackends(backends: readonly Backend[]): void;
}
