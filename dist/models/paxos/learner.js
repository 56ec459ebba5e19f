/**
 * Paxos learner: counts `accepted` messages per (ballot, value) and decides a value once
 * a quorum of acceptors has accepted it in one ballot.
 */
import { setup, assign, emit } from 'xstate';
import { isQuorum } from './types.js';
const proposalKey = (e) => `${e.ballot}|${e.value}`;
export const learnerMachine = setup({
    types: {
        input: {},
        context: {},
        events: {},
        emitted: {},
    },
    guards: {
        newAcceptance: ({ context, event }) => !(context.accepted[proposalKey(event)] ?? []).includes(event.from),
        quorumAccepted: ({ context }) => Object.values(context.accepted).some((as) => isQuorum(as, context.quorums)),
    },
    actions: {
        recordAcceptance: assign({
            accepted: ({ context, event }) => {
                const key = proposalKey(event);
                return { ...context.accepted, [key]: [...(context.accepted[key] ?? []), event.from].sort() };
            },
        }),
        decide: assign({
            decided: ({ context }) => {
                const [key] = Object.entries(context.accepted).find(([, as]) => isQuorum(as, context.quorums));
                return key.slice(key.indexOf('|') + 1);
            },
        }),
        announce: emit(({ context }) => ({ type: 'decide', value: context.decided })),
    },
}).createMachine({
    id: 'paxos-learner',
    context: ({ input }) => ({ ...input, accepted: {}, decided: null }),
    initial: 'learning',
    states: {
        learning: {
            always: { guard: 'quorumAccepted', target: 'decided', actions: ['decide', 'announce'] },
            on: { accepted: { guard: 'newAcceptance', actions: 'recordAcceptance' } },
        },
        // A learner that decided keeps no further state: what it learned cannot change.
        decided: { type: 'final' },
    },
});
