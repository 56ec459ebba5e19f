/**
 * All Paxos trace checkers, fresh for one trace. Agreement, validity and decide-chosen
 * share one ChosenTracker: they ask it the same question of the same events, so it does
 * the work once per event instead of three times. The streaming checkers share one
 * EventWindow: each pushes every event first, so their windows would be equal; shared,
 * an event is stored once (refinement, the one checker --no-refinement leaves out, keeps its own).
 * Likewise one BallotIndex: a ballot is hashed to its dense id once per event, and each
 * checker keeps only its own per-ballot columns.
 */
import type { CheckerFactory } from '../types.ts';
import { EventWindow } from '../window.ts';
import { AcceptorChecker } from './acceptors.ts';
import { BallotIndex } from './ballot-index.ts';
import { UniqueBallotChecker } from './ballots.ts';
import { ChosenTracker } from './chosen.ts';
import { AgreementChecker, ValidityChecker } from './decisions.ts';
import { LearnerLivenessChecker } from './learner-liveness.ts';
import { DecideChosenChecker } from './learners.ts';
import { Phase2aChecker } from './phase2a.ts';
import { PaxosRefinementChecker } from './refinement.ts';
import { paxosSetup } from './setup.ts';

export const paxosCheckers: CheckerFactory<'paxos'> = (h) => {
  const ballots = new BallotIndex();
  const chosen = new ChosenTracker(paxosSetup(h), ballots);
  const window = new EventWindow();
  return [
    new AgreementChecker(h, chosen, window),
    new ValidityChecker(h, chosen, window),
    new AcceptorChecker(h, window),
    new Phase2aChecker(h, window, ballots),
    new UniqueBallotChecker(window, ballots),
    new DecideChosenChecker(h, chosen, window),
    new PaxosRefinementChecker(h),
    new LearnerLivenessChecker(h, window, ballots),
  ];
};
