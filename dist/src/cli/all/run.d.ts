import { type RegisteredMachine } from '../../../models/index.ts';
import { type PaxosMutant } from '../../../models/paxos/mutants.ts';
import type { Progress } from '../../explore/search.ts';
import { type Configuration, type GraphRequest } from './checks.ts';
import { type AllJson, type AllResult } from './report.ts';
export interface PlannedCheck {
    config: Configuration;
    graph?: GraphRequest;
}
export interface AllPlan {
    checks: PlannedCheck[];
    mutants: PaxosMutant[];
    /** Tried in order for each mutant, cheapest first, until one catches it. */
    mutantConfigurations: Configuration[];
    mutantGraph?: GraphRequest;
    traces: string[];
    machines: RegisteredMachine[];
    outDir: string;
}
/** Paxos.tla with a single ballot (73 states): drawn around the path to a chosen value. */
export declare const DRAWN: PlannedCheck;
export declare const MUTANT_CONFIGURATIONS: Configuration[];
export interface PlanOptions {
    /** Keep only configurations and mutants whose "model label" or name contains one of these (case-insensitive). */
    only?: string[];
    tracesRoot: string;
    mutants: boolean;
    outDir: string;
}
export declare function defaultPlan(o: PlanOptions): AllPlan;
/** Where the job says what it is doing. `progress` is given the explorer's live figures. */
export interface Console {
    line(text: string): void;
    progress?: {
        onProgress(p: Progress): void;
        done(): void;
    };
    /** Overwritable status line (a terminal); absent when output is a file or pipe. */
    status?(text: string): void;
}
export declare function runAll(plan: AllPlan, out: Console): Promise<{
    result: AllResult;
    json: AllJson;
}>;
