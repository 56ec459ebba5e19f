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
import { constrainedValue, isQuorum, type Ballot, type NodeId, type Promise, type Received, type SendEmitted, type Value } from './types.ts';

export interface ProposerInput {
  self: NodeId;
  /** The ballots this proposer owns, in the order it tries them (disjoint across proposers). */
  ballots: Ballot[];
  acceptors: NodeId[];
  quorums: NodeId[][];
  /**
   * The value it proposes when free to choose (message passing), or null when the
   * environment offers the choice (Paxos.tla): such a proposer proposes only on `propose`.
   */
  value: Value | null;
}

export interface ProposerContext extends ProposerInput {
  /** Index into `ballots` of the current ballot; -1 before the first. */
  round: number;
  /** Promises received for the current ballot, by acceptor. */
  promises: Record<NodeId, Promise>;
  /** The value sent with accept for the current ballot, once sent. */
  proposed: Value | null;
}

/** Phase2a offered by the environment: a quorum's promises and a candidate value. */
export interface ProposeEvent {
  type: 'propose';
  ballot: Ballot;
  value: Value;
  quorum: NodeId[];
  promises: Record<NodeId, Promise>;
}

type ProposerEvent =
  | { type: 'start' }
  | Received<{ type: 'promise'; ballot: Ballot; acceptedBallot: Ballot | null; acceptedValue: Value | null }>
  | ProposeEvent;

const currentBallot = (c: ProposerContext) => c.ballots[c.round];

/** The value to send with accept once `promises` come from a quorum. */
export function chooseValue(promises: Record<NodeId, Promise>, ownValue: Value): Value {
  return constrainedValue(Object.values(promises)) ?? ownValue;
}

export const proposerMachine = setup({
  types: {
    input: {} as ProposerInput,
    context: {} as ProposerContext,
    events: {} as ProposerEvent,
    emitted: {} as SendEmitted,
  },
  guards: {
    hasNextBallot: ({ context }) => context.round + 1 < context.ballots.length,
    promiseForCurrentBallot: ({ context, event }) =>
      event.type === 'promise' && event.ballot === currentBallot(context) && !(event.from in context.promises),
    quorumPromised: ({ context }) => context.value !== null && isQuorum(Object.keys(context.promises), context.quorums),
    /** Phase2a of Paxos.tla: every member of the quorum promised, and the value is the one P2c allows. */
    safeProposal: ({ context, event }) => {
      if (event.type !== 'propose' || event.ballot !== currentBallot(context)) return false;
      if (!isQuorum(Object.keys(event.promises), [event.quorum])) return false;
      const forced = constrainedValue(Object.values(event.promises));
      return forced === null || forced === event.value;
    },
  },
  actions: {
    nextBallot: assign({ round: ({ context }) => context.round + 1, promises: {}, proposed: null }),
    sendPrepare: emit(({ context }) => ({
      type: 'send' as const, to: context.acceptors, msg: { type: 'prepare' as const, ballot: currentBallot(context) },
    })),
    recordPromise: assign({
      promises: ({ context, event }) => {
        const p = event as Extract<ProposerEvent, { type: 'promise' }>;
        return { ...context.promises, [p.from]: { acceptedBallot: p.acceptedBallot, acceptedValue: p.acceptedValue } };
      },
    }),
    chooseOwn: assign({ proposed: ({ context }) => chooseValue(context.promises, context.value as Value) }),
    chooseOffered: assign({ proposed: ({ event }) => (event as ProposeEvent).value }),
    sendAccept: emit(({ context }) => ({
      type: 'send' as const, to: context.acceptors,
      msg: { type: 'accept' as const, ballot: currentBallot(context), value: context.proposed as Value },
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
