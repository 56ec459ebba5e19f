/**
 * Paxos acceptor. Promises not to accept ballots below the highest prepare it answered,
 * and accepts any proposal at or above that promise (Phase1b and Phase2b of Paxos.tla).
 *
 * With `repromise`, a prepare for the ballot it already promised may be answered again,
 * with what it has accepted by now (the common `if ballot >= promised` of libraries).
 * Such a promise changes no state and cannot break agreement: it is for a ballot whose
 * Phase2a has either not happened (then it says what a first promise would) or already
 * happened (then no proposer may use it again). Off for the explorer's systems, whose
 * state counts must match TLC's; refinement turns it on, since the protocol allows it.
 */
import { setup, assign, emit } from 'xstate';
import type { Ballot, NodeId, Received, SendEmitted, Value } from './types.ts';

export interface AcceptorInput {
  self: NodeId;
  /** Who hears about accepted proposals besides the proposer (learners). */
  learners: NodeId[];
  /**
   * Keep the history of votes (Voting.tla's `votes`), a ghost variable that lets
   * properties say which values were chosen once messages are consumed. Off for the
   * Paxos.tla configuration, whose state space must match TLC's.
   */
  recordVotes?: boolean;
  /** Answer a repeated prepare for the promised ballot again (see the header). */
  repromise?: boolean;
}

export interface AcceptorContext {
  self: NodeId;
  learners: NodeId[];
  /** Highest ballot promised or accepted; -1 before any. */
  maxBal: Ballot;
  /** Ballot of the last accepted proposal; -1 before any. */
  maxVBal: Ballot;
  maxVal: Value | null;
  /** Every (ballot, value) accepted, when `recordVotes`; otherwise absent. */
  votes?: [Ballot, Value][];
  /** Present (true) only when re-promising is allowed. */
  repromise?: true;
}

type AcceptorEvent = Received<{ type: 'prepare'; ballot: Ballot }> | Received<{ type: 'accept'; ballot: Ballot; value: Value }>;

export const acceptorMachine = setup({
  types: {
    input: {} as AcceptorInput,
    context: {} as AcceptorContext,
    events: {} as AcceptorEvent,
    emitted: {} as SendEmitted,
  },
  guards: {
    ballotAbovePromise: ({ context, event }) => event.ballot > context.maxBal,
    ballotAtLeastPromise: ({ context, event }) => event.ballot >= context.maxBal,
    ballotIsPromise: ({ context, event }) => context.repromise === true && event.ballot === context.maxBal,
  },
  actions: {
    promise: assign({ maxBal: ({ event }) => event.ballot }),
    sendPromise: emit(({ context, event }) => ({
      type: 'send' as const,
      to: [event.from],
      msg: {
        type: 'promise' as const,
        ballot: event.ballot,
        acceptedBallot: context.maxVBal < 0 ? null : context.maxVBal,
        acceptedValue: context.maxVal,
      },
    })),
    accept: assign(({ context, event }) => {
      const { ballot, value } = event as Extract<AcceptorEvent, { type: 'accept' }>;
      const accepted = { maxBal: ballot, maxVBal: ballot, maxVal: value };
      if (!context.votes || context.votes.some(([b, v]) => b === ballot && v === value)) return accepted;
      return { ...accepted, votes: [...context.votes, [ballot, value] as [Ballot, Value]] };
    }),
    sendAccepted: emit(({ context, event }) => {
      const { ballot, value, from } = event as Extract<AcceptorEvent, { type: 'accept' }>;
      return { type: 'send' as const, to: [from, ...context.learners], msg: { type: 'accepted' as const, ballot, value } };
    }),
  },
}).createMachine({
  id: 'paxos-acceptor',
  context: ({ input }) => ({
    self: input.self, learners: input.learners, maxBal: -1, maxVBal: -1, maxVal: null,
    ...(input.recordVotes ? { votes: [] } : {}),
    ...(input.repromise ? { repromise: true as const } : {}),
  }),
  initial: 'serving',
  states: {
    serving: {
      on: {
        prepare: [
          { guard: 'ballotAbovePromise', actions: ['sendPromise', 'promise'] },
          { guard: 'ballotIsPromise', actions: 'sendPromise' },
        ],
        accept: { guard: 'ballotAtLeastPromise', actions: ['accept', 'sendAccepted'] },
      },
    },
  },
});
