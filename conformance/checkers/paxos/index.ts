/** All Paxos trace checkers, fresh for one trace. */
import type { CheckerFactory } from '../types.ts';
import { AcceptorChecker } from './acceptors.ts';
import { UniqueBallotChecker } from './ballots.ts';
import { AgreementChecker, ValidityChecker } from './decisions.ts';
import { LearnerLivenessChecker } from './learner-liveness.ts';
import { DecideChosenChecker } from './learners.ts';
import { Phase2aChecker } from './phase2a.ts';
import { PaxosRefinementChecker } from './refinement.ts';

export const paxosCheckers: CheckerFactory<'paxos'> = (h) => [
  new AgreementChecker(h),
  new ValidityChecker(h),
  new AcceptorChecker(h),
  new Phase2aChecker(h),
  new UniqueBallotChecker(),
  new DecideChosenChecker(h),
  new PaxosRefinementChecker(h),
  new LearnerLivenessChecker(h),
];
