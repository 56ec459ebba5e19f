/** All cluster (leader/follower) trace checkers, fresh for one trace. */
import type { CheckerFactory } from '../types.ts';
import { ElectionTimeChecker } from './election.ts';
import { EpochChecker } from './epochs.ts';
import { FailureDetectionChecker } from './failure-detection.ts';
import { SessionExpiryChecker } from './sessions.ts';

export const clusterCheckers: CheckerFactory<'cluster'> = (h) => [
  new EpochChecker(),
  new FailureDetectionChecker(h),
  new SessionExpiryChecker(h),
  new ElectionTimeChecker(h),
];
