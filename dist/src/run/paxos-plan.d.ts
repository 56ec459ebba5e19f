import type { RunPlan } from './runner.ts';
export declare function paxosRunPlan(acceptorCount: number, opts?: {
    proposers?: number;
    rounds?: number;
    periodMs?: number;
}): RunPlan;
