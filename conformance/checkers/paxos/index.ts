/**
 * All Paxos trace checkers, fresh for one trace. Agreement, validity and decide-chosen
 * share one ChosenTracker: they ask it the same question of the same events, so it does
 * the work once per event instead of three times. The streaming checkers share one
 * EventWindow: each pushes every event first, so their windows would be equal; shared,
 * an event is stored once (refinement, the one checker --no-refinement leaves out, keeps its own).
 * Likewise one BallotIndex: a ballot is hashed to its dense id once per event, and each
 * checker keeps only its own per-ballot columns.
 *
 * Memory of the streaming checkers (all but refinement), never growing with the events
 * per ballot: O(nodes + values + ballots x acceptors). Per distinct ballot, with n
 * acceptors, below 127 nodes and values, 2^31 lines and ballots, n <= 7, and promises
 * reporting a vote at most 126 ballots old: the index 12-20 bytes (./ballot-index.ts),
 * unique-ballots 5 (./ballots.ts), the chosen votes 2 (./quorum-votes.ts), phase 2a
 * 3n + 2 (./phase2a.ts): 30-38 bytes for 3 acceptors, up to twice that allocated while a
 * column waits for its next doubling (bench/verify.ts measures about 50). Wider numbers
 * widen a column (./columns.ts), never truncate. Besides: a learner's votes until its
 * first quorum, a proposer's received promises for a ballot until its accept there
 * (3n bytes and a Map entry, for good if it never sends one), the accepts of a proposer
 * not yet seen receiving (two numbers each), an object per second value or
 * second sender in one ballot (faulty traces only), and a fixed window of 8 events and
 * 10 violations per property.
 */
import type { CheckerFactory } from '../types.ts';
import { SharedEventWindow } from '../window.ts';
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
  const window = new SharedEventWindow();
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
