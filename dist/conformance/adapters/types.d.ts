/** How a third-party balancer library is recorded: a Balancer wrapper plus its workload. */
import type { TraceLine } from '../../src/impl/balancer/record.ts';
import type { Policy } from '../../src/impl/balancer/types.ts';
export interface ThirdPartyRecording {
    /** npm package name. */
    library: string;
    /** The class or mode recorded, when the library has several. */
    variant: string;
    /** File name under traces/third-party/. */
    file: string;
    /** The policy the library claims, which decides the checkers that judge it. */
    policy: Policy;
    /** How it was driven: membership support, what was observed and how. */
    notes: string;
    /** Runs the fixed workload and returns the trace; deterministic. */
    record(version: string): TraceLine[];
}
