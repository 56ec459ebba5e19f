/**
 * Deliberately broken Paxos machines: each must be caught by the explorer with a
 * counterexample (see mutants.test.ts). `machine.provide` swaps one guard or action.
 */
import { assign } from 'xstate';
import { acceptorMachine } from './acceptor.js';
import { proposerMachine } from './proposer.js';
export const paxosMutants = [
    {
        name: 'phase2a-any-value',
        description: 'Phase2a without the quorum/value-choice rule: a proposer may send accept with any value, promised or not',
        role: 'proposer',
        machine: proposerMachine.provide({ guards: { safeProposal: ({ event }) => event.type === 'propose' } }),
    },
    {
        name: 'proposer-ignores-accepted',
        description: 'a proposer proposes its own value even when a promise reports an accepted one',
        role: 'proposer',
        machine: proposerMachine.provide({ actions: { chooseOwn: assign({ proposed: ({ context }) => context.value }) } }),
    },
    {
        name: 'acceptor-accepts-below-promise',
        description: 'an acceptor accepts proposals below the ballot it promised',
        role: 'acceptor',
        machine: acceptorMachine.provide({ guards: { ballotAtLeastPromise: () => true } }),
    },
];
export function findPaxosMutant(name) {
    return paxosMutants.find((m) => m.name === name);
}
