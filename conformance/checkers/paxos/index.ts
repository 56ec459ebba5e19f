/**
 * All Paxos trace checkers, fresh for one trace. Agreement, validity and decide-chosen
 * share one ChosenTracker: they ask it the same question of the same events, so it does
 * the work once per event instead of three times.
 */
import type { CheckerFactory } from '../types.ts';
import { AcceptorChecker } from './acceptors.ts';
import { UniqueBallotChecker } from './ballots.ts';
import { ChosenTracker } from './chosen.ts';
import { AgreementChecker, ValidityChecker } from './decisions.ts';
import { LearnerLivenessChecker } from './learner-liveness.ts';
import { DecideChosenChecker } from './learners.ts';
import { Phase2aChecker } from './phase2a.ts';
import { PaxosRefinementChecker } from './refinement.ts';
import { paxosSetup } from './setup.ts';

export const paxosCheckers: CheckerFactory<'paxos'> = (h) => {
  const chosen = new ChosenTracker(paxosSetup(h));
  return [
    new AgreementChecker(h, chosen),
    new ValidityChecker(h, chosen),
    new AcceptorChecker(h),
    new Phase2aChecker(h),
    new UniqueBallotChecker(),
    new DecideChosenChecker(h, chosen),
    new PaxosRefinementChecker(h),
    new LearnerLivenessChecker(h),
  ];
};
