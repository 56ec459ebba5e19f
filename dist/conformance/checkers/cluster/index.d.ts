/** All cluster (leader/follower) trace checkers, fresh for one trace. */
import type { CheckerFactory } from '../types.ts';
export declare const clusterCheckers: CheckerFactory<'cluster'>;
