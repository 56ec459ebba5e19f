/**
 * Deliberately broken Paxos variants. Each names the mistake and how it is expected to be
 * caught; src/drive/mutants.test.ts shows that the driver kills every one.
 */
import { articleNode } from './article.js';
export const paxosMutants = [
    {
        name: 'article',
        description: "the source article's Paxos: clock ballots, first promise taken as a quorum, accept only at the last prepare's number",
        variant: { node: articleNode },
    },
    {
        name: 'acceptor-accepts-below-promise',
        description: 'acceptor accepts any proposal, ignoring its promise',
        variant: { acceptor: { mayAccept: () => true } },
    },
    {
        name: 'acceptor-repromises-equal-ballot',
        description: 'acceptor promises a ballot equal to its highest (>= instead of >)',
        variant: { acceptor: { mayPromise: (ballot, maxBal) => ballot >= maxBal } },
    },
    {
        name: 'acceptor-hides-accepted',
        description: 'acceptor promises without reporting what it accepted',
        variant: { acceptor: { report: () => ({ acceptedBallot: null, acceptedValue: null }) } },
    },
    {
        name: 'proposer-ignores-promised-values',
        description: 'proposer always proposes its own value',
        variant: { proposer: { choose: (_p, own) => own } },
    },
    {
        name: 'proposer-lowest-accepted',
        description: 'proposer adopts the value of the lowest-ballot accepted proposal',
        variant: {
            proposer: {
                choose: (promises, own) => {
                    const reported = [...promises.values()].filter((p) => p.acceptedBallot !== null)
                        .sort((a, b) => a.acceptedBallot - b.acceptedBallot);
                    return reported.length > 0 ? reported[0].acceptedValue : own;
                },
            },
        },
    },
    {
        name: 'proposer-minority-quorum',
        description: 'proposer sends accept after promises from a minority (one acceptor)',
        variant: { proposer: { enough: (promisers) => promisers.length >= 1 } },
    },
    {
        name: 'proposer-counts-stale-promises',
        description: 'proposer counts promises for any of its earlier ballots',
        variant: { proposer: { counts: (_msgBallot, _ballot, already) => !already } },
    },
    {
        name: 'learner-ignores-ballot',
        description: 'learner counts acceptances per value across ballots',
        variant: { learner: { key: (_ballot, value) => `*|${value}` } },
    },
    {
        name: 'learner-decides-on-first',
        description: 'learner decides on the first accepted message',
        variant: { learner: { enough: (acceptors) => acceptors.length >= 1 } },
    },
];
