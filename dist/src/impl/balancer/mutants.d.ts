import { type BalancerFactory, type Policy } from './types.ts';
export interface Mutant {
    name: string;
    /** The policy it claims (and is judged as). */
    claims: Policy;
    /** The property expected to fail. */
    breaks: string;
    description: string;
    create: BalancerFactory;
    /** Backend weights for its workload (default: all 1). */
    weights?: number[];
}
export declare const mutants: Mutant[];
