import { ElectionTimeChecker } from './election.js';
import { EpochChecker } from './epochs.js';
import { FailureDetectionChecker } from './failure-detection.js';
import { SessionExpiryChecker } from './sessions.js';
export const clusterCheckers = (h) => [
    new EpochChecker(),
    new FailureDetectionChecker(h),
    new SessionExpiryChecker(h),
    new ElectionTimeChecker(h),
];
