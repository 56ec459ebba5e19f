/** All Paxos trace checkers, fresh for one trace. */
import type { CheckerFactory } from '../types.ts';
import { AcceptorChecker } from './acceptors.ts';
import { UniqueBallotChecker } from './ballots.ts';
import { AgreementChecker, ValidityChecker } from './decisions.ts';
import { DecideChosenChecker } from './learners.ts';
import { Phase2aChecker } from './phase2a.ts';
import { PaxosRefinementChecker } from './refinement.ts';

export const paxosCheckers: CheckerFactory = () => [
  new AgreementChecker(),
  new ValidityChecker(),
  new AcceptorChecker(),
  new Phase2aChecker(),
  new UniqueBallotChecker(),
  new DecideChosenChecker(),
  new PaxosRefinementChecker(),
];
