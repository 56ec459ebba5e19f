import type { ProtocolBinding } from './binding.ts';
export interface MutantResult {
    family: string;
    name: string;
    killed: boolean;
    /** What killed it: a path mode, or the balancer property whose checker failed. */
    by: string | null;
    /** The divergence or violation, in one line. */
    detail: string;
    paths: number;
}
export interface KillReport {
    results: MutantResult[];
    killed: number;
    total: number;
    rate: number;
}
export declare function killDriven(binding: ProtocolBinding, mutantNames: string[], seed?: number): Promise<MutantResult[]>;
export declare function killBalancers(): MutantResult[];
export declare function summarize(results: MutantResult[]): KillReport;
