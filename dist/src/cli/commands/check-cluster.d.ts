import type { CheckModel } from '../check/models.ts';
import { type ClusterFaults } from '../../../models/cluster/system.ts';
/** Parses "crash,loss:2,partition" into fault budgets (a bare name means 1). */
export declare function parseFaults(raw: string): ClusterFaults;
export declare const clusterCheckModel: CheckModel;
