/**
 * Deliberately broken cluster servers. Each names the mistake; the driver kills those the
 * model can see, and the session mutant, which the model does not cover, is killed by the
 * cluster trace checkers on a simulated run (src/drive/cluster-binding.ts).
 */
import type { ClusterVariant } from './nodes.ts';
export interface ClusterMutant {
    name: string;
    description: string;
    variant: ClusterVariant;
    /** The mistake is in what the model leaves out (sessions): only the trace checkers can see it. */
    outsideModel?: boolean;
}
export declare const clusterMutants: ClusterMutant[];
