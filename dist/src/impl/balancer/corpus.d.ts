import { type Mutant } from './mutants.ts';
import { type TraceLine } from './record.ts';
import type { Policy } from './types.ts';
import { type WorkloadSpec } from './workload.ts';
export declare const CORPUS_SEED = 20240611;
/** The standard workload: 2000 picks over 200 keys, up to 12 in flight, drop one backend
 * at a third and add one at two thirds. */
export declare function standardSpec(weights?: readonly number[], seed?: number, picks?: number): WorkloadSpec;
export interface CorpusTrace {
    /** Path relative to traces/balancer/. */
    file: string;
    expect: 'pass' | 'fail';
    policy: Policy;
    /** For failing traces: the property it breaks. */
    breaks?: string;
    lines: () => Iterable<TraceLine>;
}
export declare function mutantTrace(m: Mutant, seed?: number): Iterable<TraceLine>;
export declare function corpus(): CorpusTrace[];
