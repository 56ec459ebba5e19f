import { AcceptorChecker } from './acceptors.js';
import { UniqueBallotChecker } from './ballots.js';
import { AgreementChecker, ValidityChecker } from './decisions.js';
import { DecideChosenChecker } from './learners.js';
import { Phase2aChecker } from './phase2a.js';
import { PaxosRefinementChecker } from './refinement.js';
export const paxosCheckers = (h) => [
    new AgreementChecker(h),
    new ValidityChecker(h),
    new AcceptorChecker(h),
    new Phase2aChecker(h),
    new UniqueBallotChecker(),
    new DecideChosenChecker(h),
    new PaxosRefinementChecker(h),
];
