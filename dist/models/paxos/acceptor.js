/**
 * Paxos acceptor. Promises not to accept ballots below the highest prepare it answered,
 * and accepts any proposal at or above that promise (Phase1b and Phase2b of Paxos.tla).
 */
import { setup, assign, emit } from 'xstate';
export const acceptorMachine = setup({
    types: {
        input: {},
        context: {},
        events: {},
        emitted: {},
    },
    guards: {
        ballotAbovePromise: ({ context, event }) => event.ballot > context.maxBal,
        ballotAtLeastPromise: ({ context, event }) => event.ballot >= context.maxBal,
    },
    actions: {
        promise: assign({ maxBal: ({ event }) => event.ballot }),
        sendPromise: emit(({ context, event }) => ({
            type: 'send',
            to: [event.from],
            msg: {
                type: 'promise',
                ballot: event.ballot,
                acceptedBallot: context.maxVBal < 0 ? null : context.maxVBal,
                acceptedValue: context.maxVal,
            },
        })),
        accept: assign(({ context, event }) => {
            const { ballot, value } = event;
            const accepted = { maxBal: ballot, maxVBal: ballot, maxVal: value };
            if (!context.votes || context.votes.some(([b, v]) => b === ballot && v === value))
                return accepted;
            return { ...accepted, votes: [...context.votes, [ballot, value]] };
        }),
        sendAccepted: emit(({ context, event }) => {
            const { ballot, value, from } = event;
            return { type: 'send', to: [from, ...context.learners], msg: { type: 'accepted', ballot, value } };
        }),
    },
}).createMachine({
    id: 'paxos-acceptor',
    context: ({ input }) => ({
        self: input.self, learners: input.learners, maxBal: -1, maxVBal: -1, maxVal: null,
        ...(input.recordVotes ? { votes: [] } : {}),
    }),
    initial: 'serving',
    states: {
        serving: {
            on: {
                prepare: { guard: 'ballotAbovePromise', actions: ['sendPromise', 'promise'] },
                accept: { guard: 'ballotAtLeastPromise', actions: ['accept', 'sendAccepted'] },
            },
        },
    },
});
