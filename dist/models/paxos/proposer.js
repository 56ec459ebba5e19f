/**
 * Paxos proposer. Runs one ballot at a time from its own list of ballots:
 * sends prepare, gathers promises, and once a quorum has promised sends accept with the
 * value Paxos forces on it (the highest accepted value among the promises) or, when
 * it is free, a value of its own.
 *
 * Two ways to drive it:
 *  - message passing: deliver each `promise`; the proposer proposes its own `value`
 *    when free, as soon as a quorum has promised.
 *  - message set (Paxos.tla): the environment offers `propose` with a quorum's promises
 *    and a candidate value; the guard admits it only if Phase2a of Paxos.tla would.
 */
import { setup, assign, emit } from 'xstate';
import { constrainedValue, isQuorum } from './types.js';
const currentBallot = (c) => c.ballots[c.round];
/** The value to send with accept once `promises` come from a quorum. */
export function chooseValue(promises, ownValue) {
    return constrainedValue(Object.values(promises)) ?? ownValue;
}
export const proposerMachine = setup({
    types: {
        input: {},
        context: {},
        events: {},
        emitted: {},
    },
    guards: {
        hasNextBallot: ({ context }) => context.round + 1 < context.ballots.length,
        promiseForCurrentBallot: ({ context, event }) => event.type === 'promise' && event.ballot === currentBallot(context) && !(event.from in context.promises),
        quorumPromised: ({ context }) => context.value !== null && isQuorum(Object.keys(context.promises), context.quorums),
        /** Phase2a of Paxos.tla: every member of the quorum promised, and the value is the one P2c allows. */
        safeProposal: ({ context, event }) => {
            if (event.type !== 'propose' || event.ballot !== currentBallot(context))
                return false;
            if (!isQuorum(Object.keys(event.promises), [event.quorum]))
                return false;
            const forced = constrainedValue(Object.values(event.promises));
            return forced === null || forced === event.value;
        },
    },
    actions: {
        nextBallot: assign({ round: ({ context }) => context.round + 1, promises: {}, proposed: null }),
        sendPrepare: emit(({ context }) => ({
            type: 'send', to: context.acceptors, msg: { type: 'prepare', ballot: currentBallot(context) },
        })),
        recordPromise: assign({
            promises: ({ context, event }) => {
                const p = event;
                return { ...context.promises, [p.from]: { acceptedBallot: p.acceptedBallot, acceptedValue: p.acceptedValue } };
            },
        }),
        chooseOwn: assign({ proposed: ({ context }) => chooseValue(context.promises, context.value) }),
        chooseOffered: assign({ proposed: ({ event }) => event.value }),
        sendAccept: emit(({ context }) => ({
            type: 'send', to: context.acceptors,
            msg: { type: 'accept', ballot: currentBallot(context), value: context.proposed },
        })),
    },
}).createMachine({
    id: 'paxos-proposer',
    context: ({ input }) => ({ ...input, round: -1, promises: {}, proposed: null }),
    initial: 'idle',
    on: {
        // A proposer may give up on its ballot at any time and start its next one.
        start: { guard: 'hasNextBallot', target: '.preparing', actions: ['nextBallot', 'sendPrepare'] },
    },
    states: {
        idle: {},
        preparing: {
            always: { guard: 'quorumPromised', target: 'accepting', actions: ['chooseOwn', 'sendAccept'] },
            on: {
                promise: { guard: 'promiseForCurrentBallot', actions: 'recordPromise' },
                propose: { guard: 'safeProposal', target: 'accepting', actions: ['chooseOffered', 'sendAccept'] },
            },
        },
        accepting: {},
    },
});
