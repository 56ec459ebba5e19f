/**
 * The test clock: the driver's counterpart of the model's environment actor. It advances
 * global time one round at a time (up to maxTicks) and keeps the set of paused servers.
 * Real runs need no such node: each process derives ticks from the wall clock
 * (src/run/node-main.ts).
 */
import type { ClockView, ClusterNode, Input, Output, ServerId } from './types.ts';
export interface ClockConfig {
    servers: ServerId[];
    maxTicks: number;
    pauses: number;
}
export declare class ClusterClock implements ClusterNode {
    readonly id: string;
    private readonly config;
    readonly role = "environment";
    private now;
    private paused;
    private pausesLeft;
    constructor(id: string, config: ClockConfig);
    handle(input: Input): Output[];
    observe(): ClockView;
    save(): unknown;
    load(saved: unknown): void;
}
