import type { TraceLine } from '../../../conformance/schema/writer.ts';
import type { Balancer, Policy } from './types.ts';
import { type WorkloadSpec } from './workload.ts';
export type { TraceLine } from '../../../conformance/schema/writer.ts';
export interface RecordMeta {
    /** The policy the balancer claims to implement: it decides which checkers judge it. */
    policy: Policy;
    producer: {
        name: string;
        version?: string;
    };
    description?: string;
    /** Whether pick events carry the routing key (hash policies route by it). */
    keyed?: boolean;
    /** The balancer's node name in the trace. */
    node?: string;
}
export declare function recordTrace(balancer: Balancer, spec: WorkloadSpec, meta: RecordMeta): Generator<TraceLine>;
