/**
 * A ZooKeeper-style server: LOOKING (Fast Leader Election), FOLLOWING, LEADING, with time
 * as explicit `tick` events carrying the global tick.
 *
 * - Election: votes ordered by (epoch, zxid, id); a server adopts any better vote it hears
 *   and re-broadcasts; a quorum agreeing on one candidate elects it. A looking server that
 *   hears a leader answer ("I am leading epoch e") joins it.
 * - Epoch handshake (Zab phase 1): followers send followerInfo(acceptedEpoch); once a
 *   quorum did, the leader proposes newEpoch = max + 1; a follower accepts only a higher
 *   epoch (or the same one again from the same leader) and acks; a quorum of acks
 *   establishes the leader in that epoch. This is what makes leaders unique per epoch.
 * - Heartbeats: an established leader pings its synced followers every tick; followers
 *   answer with a pong carrying the ping's tick. The leader marks a follower down when
 *   `now - lastPong > syncLimit` and steps down when fewer than a quorum remain; a follower
 *   gives up when `now - lastPing > syncLimit`; a leader not established within syncLimit
 *   ticks gives up too (ZooKeeper's initLimit, folded into syncLimit here).
 * - Crash/restart: acceptedEpoch, acceptedLeader, currentEpoch and zxid are on disk and
 *   survive `restart`; everything else starts over in LOOKING.
 *
 * - Open clock (liveness runs): `rebase` moves every stored tick back by one, floored at 0
 *   (environment.ts); the system offers it only between rounds, with no message in flight.
 *   A crashed server misses rebases, so its tick is from a stale frame: the open clock's
 *   system swaps the restart's `restartClock` (`withOpenClockRestart`) (the server takes the
 *   current round's tick after restarting; its ghost suspicions are dropped).
 *
 * Ghost (history) variables, read only by properties: `highest` (the highest epochs ever
 * held), `led` and `proposals` (epochs this server established / proposed as leader),
 * `heard` (whose ping a follower last accepted), `suspected` (followers marked down at
 * tick `suspectedAt`).
 */
import { and, assertEvent, assign, emit, enqueueActions, setup } from 'xstate';
import {
  betterVote, quorumSize, rebased,
  type Epoch, type SendEmitted, type ServerId, type Tick, type TickEvent, type TraceEmitted, type Vote,
} from './types.ts';

export interface ServerInput {
  self: ServerId;
  servers: ServerId[];
  syncLimit: number;
  /** Last transaction id on disk at start (orders votes after the epoch). */
  zxid?: number;
}

export interface ServerContext {
  self: ServerId;
  servers: ServerId[];
  syncLimit: number;
  // on disk
  acceptedEpoch: Epoch;
  /** Who proposed acceptedEpoch (a follower may ack the same epoch again only to it). */
  acceptedLeader: ServerId | null;
  currentEpoch: Epoch;
  zxid: number;
  // clock
  tick: Tick;
  // looking
  vote: Vote | null;
  /** Looking peers' current votes (self included): the best heard from each. */
  votes: Record<ServerId, Vote>;
  // following
  leader: ServerId | null;
  /** Tick of the last ping accepted from the leader, or of joining it. */
  lastHeard: Tick;
  // leading
  since: Tick;
  /** followerInfo received: follower -> its acceptedEpoch. */
  pending: Record<ServerId, Epoch>;
  /** Epoch proposed to followers (leading), else null. */
  proposed: Epoch | null;
  /** Synced followers -> tick of the last ping they answered (or of their ack). */
  followers: Record<ServerId, Tick>;
  // ghosts
  highest: { accepted: Epoch; current: Epoch };
  led: Epoch[];
  /** Epochs this server proposed as leader. */
  proposals: Epoch[];
  heard: { from: ServerId; epoch: Epoch } | null;
  suspected: ServerId[];
  /** The tick at which `suspected` were marked down. */
  suspectedAt: Tick;
}

type From = { from: ServerId };
type EpochMsg<T extends string> = { type: T; epoch: Epoch; zxid: number; tick?: number } & From;
export type ServerEvent =
  | TickEvent
  | { type: 'restart' }
  | { type: 'rebase' }
  | ({ type: 'vote'; epoch: Epoch; zxid: number; leader: ServerId; state?: 'looking' | 'following' | 'leading'; tick?: number } & From)
  | ({ type: 'ping'; epoch: Epoch; zxid: number; tick?: number } & From)
  | ({ type: 'pong'; epoch: Epoch; zxid: number; tick?: number } & From)
  | EpochMsg<'followerInfo'>
  | EpochMsg<'newEpoch'>
  | EpochMsg<'ackEpoch'>;

const peers = (c: ServerContext) => c.servers.filter((s) => s !== c.self);
const quorum = (c: ServerContext) => quorumSize(c.servers.length);
/** The event narrowed to type T; XState's assertEvent throws (a model bug) if it is not. */
const ev = <T extends ServerEvent['type']>(e: ServerEvent, type: T): Extract<ServerEvent, { type: T }> => {
  const event: ServerEvent = e;
  assertEvent(event, type);
  return e as Extract<ServerEvent, { type: T }>; // `event` is `e`, checked just above
};
const count = (votes: Record<ServerId, Vote>, candidate: ServerId) => Object.values(votes).filter((v) => v.leader === candidate).length;

/** Followers whose last answer is more than `limit` ticks old at `now`. */
export const silentFollowers = (c: ServerContext, now: Tick, limit: number): ServerId[] =>
  Object.keys(c.followers).filter((f) => now - c.followers[f] > limit).sort();

/** What a mark-down step may enqueue (a structural subset of XState's enqueue API). */
export interface MarkDownEnqueue {
  assign(update: Partial<ServerContext>): void;
  emit(event: TraceEmitted): void;
}

/**
 * The body of the leader's mark-down step at a tick, parameterised by the silence limit
 * so mutants can change only that: followers silent for more than the limit are dropped
 * and reported with a `suspect` event.
 */
export const markDownBody = (limitOf: (c: ServerContext) => number) =>
  ({ context, enqueue }: { context: ServerContext; enqueue: MarkDownEnqueue }): void => {
    const down = silentFollowers(context, context.tick, limitOf(context));
    const followers = { ...context.followers };
    for (const f of down) delete followers[f];
    enqueue.assign({ followers, suspected: down, suspectedAt: context.tick });
    for (const peer of down) enqueue.emit({ type: 'suspect', peer, tick: context.tick });
  };

const send = (to: ServerId[], msg: SendEmitted['msg']): SendEmitted => ({ type: 'send', to, msg });

/** A message of a kind a role does not expect is consumed once it has arrived, and ignored. */
const discardStrayMessages = {
  vote: { guard: 'arrived', actions: 'discard' },
  ping: { guard: 'arrived', actions: 'discard' },
  pong: { guard: 'arrived', actions: 'discard' },
  followerInfo: { guard: 'arrived', actions: 'discard' },
  newEpoch: { guard: 'arrived', actions: 'discard' },
  ackEpoch: { guard: 'arrived', actions: 'discard' },
} as const;

export const serverMachine = setup({
  types: {
    input: {} as ServerInput,
    context: {} as ServerContext,
    events: {} as ServerEvent,
    emitted: {} as SendEmitted | TraceEmitted,
  },
  guards: {
    /**
     * Lockstep rounds: a message sent at tick t is handled only once the receiver has
     * ticked to t itself, so within a round every server's tick comes before the round's
     * messages, and a paused server (which does not tick) handles nothing new.
     */
    arrived: ({ context, event }) => ((event as { tick?: number }).tick ?? 0) <= context.tick,
    // looking
    /**
     * A leader answered our vote with its accepted epoch: join it if we could accept that
     * epoch (higher than ours, or ours from the same leader). Joining a leader we would
     * then refuse would loop between election and joining without time passing.
     */
    leaderAnswered: ({ context, event }) => {
      const v = ev(event, 'vote');
      return v.state === 'leading' && v.leader === v.from &&
        (v.epoch > context.acceptedEpoch || (v.epoch === context.acceptedEpoch && context.acceptedLeader === v.from));
    },
    betterVoteFromLookingPeer: ({ context, event }) => {
      const v = ev(event, 'vote');
      return (v.state ?? 'looking') === 'looking' && context.vote !== null && betterVote(v, context.vote);
    },
    voteFromLookingPeer: ({ event }) => (ev(event, 'vote').state ?? 'looking') === 'looking',
    quorumElectsMe: ({ context }) => context.vote?.leader === context.self && count(context.votes, context.self) >= quorum(context),
    quorumElectsOther: ({ context }) =>
      context.vote !== null && context.vote.leader !== context.self && count(context.votes, context.vote.leader) >= quorum(context),
    // following
    leaderSilent: ({ context }) => context.tick - context.lastHeard > context.syncLimit,
    leaderGaveUp: ({ context, event }) => {
      const v = ev(event, 'vote');
      return v.from === context.leader && (v.state ?? 'looking') === 'looking';
    },
    fromLeader: ({ context, event }) => (event as { from?: ServerId }).from === context.leader,
    newEpochAcceptable: ({ context, event }) => {
      const m = ev(event, 'newEpoch');
      return m.from === context.leader &&
        (m.epoch > context.acceptedEpoch || (m.epoch === context.acceptedEpoch && context.acceptedLeader === m.from));
    },
    pingFromLeaderInMyEpoch: ({ context, event }) => {
      const p = ev(event, 'ping');
      return p.from === context.leader && p.epoch === context.currentEpoch;
    },
    // leading
    epochAlreadyProposed: ({ context }) => context.proposed !== null,
    pendingQuorum: ({ context }) => context.proposed === null && Object.keys(context.pending).length + 1 >= quorum(context),
    ackCompletesQuorum: ({ context, event }) => {
      const a = ev(event, 'ackEpoch');
      return a.epoch === context.proposed && Object.keys({ ...context.followers, [a.from]: 0 }).length + 1 >= quorum(context);
    },
    proposalAcked: ({ context }) => context.proposed !== null && Object.keys(context.followers).length + 1 >= quorum(context),
    ackForProposal: ({ context, event }) => ev(event, 'ackEpoch').epoch === context.proposed,
    notEstablishedInTime: ({ context }) => context.tick - context.since > context.syncLimit,
    pongFromFollower: ({ context, event }) => {
      const p = ev(event, 'pong');
      return p.from in context.followers && p.epoch === context.currentEpoch;
    },
    lostQuorum: ({ context }) => Object.keys(context.followers).length + 1 < quorum(context),
  },
  actions: {
    /** Receiving a message the current state has no use for consumes it. */
    discard: assign({}),
    advanceClock: assign({ tick: ({ event }) => ev(event, 'tick').now }),
    recover: assign({
      vote: null, votes: {}, leader: null, lastHeard: 0, since: 0, pending: {}, proposed: null, followers: {},
      heard: null,
    }),
    /** The clock window slid by one: every time this server stores moves back one tick. */
    rebaseClock: assign(({ context }) => ({
      tick: rebased(context.tick), lastHeard: rebased(context.lastHeard), since: rebased(context.since),
      suspectedAt: rebased(context.suspectedAt),
      followers: Object.fromEntries(Object.entries(context.followers).map(([f, t]) => [f, rebased(t)])),
    })),
    /** What a restart does to the clock: nothing (absolute time: the old tick is a true past). See `withOpenClockRestart`. */
    restartClock: assign({}),
    noteEpochs: assign({
      highest: ({ context }) => ({
        accepted: Math.max(context.highest.accepted, context.acceptedEpoch),
        current: Math.max(context.highest.current, context.currentEpoch),
      }),
    }),

    // ---------------------------------------------------------------- looking
    startElection: assign(({ context }) => ({
      vote: { leader: context.self, epoch: context.currentEpoch, zxid: context.zxid },
      votes: { [context.self]: { leader: context.self, epoch: context.currentEpoch, zxid: context.zxid } },
      leader: null, pending: {}, proposed: null, followers: {}, heard: null,
    })),
    broadcastVote: emit(({ context }) =>
      send(peers(context), { type: 'vote', ...(context.vote as Vote), state: 'looking', tick: context.tick })),
    /**
     * A peer's votes only improve while it is looking, so the best one heard is its latest:
     * a vote overtaken in the network by a later one is ignored.
     */
    recordVote: assign({
      votes: ({ context, event }) => {
        const { from, leader, epoch, zxid } = ev(event, 'vote');
        const known = context.votes[from];
        const vote = { leader, epoch, zxid };
        return known && !betterVote(vote, known) ? context.votes : { ...context.votes, [from]: vote };
      },
    }),
    countFollowerAsVote: assign({
      votes: ({ context, event }) => ({
        ...context.votes,
        [ev(event, 'followerInfo').from]: { leader: context.self, epoch: context.currentEpoch, zxid: context.zxid },
      }),
    }),
    adoptVote: assign(({ context, event }) => {
      const { leader, epoch, zxid } = ev(event, 'vote');
      return { vote: { leader, epoch, zxid }, votes: { ...context.votes, [context.self]: { leader, epoch, zxid } } };
    }),
    announceLooking: emit(({ context }) => ({
      type: 'role' as const, role: 'looking' as const, epoch: context.currentEpoch, leader: null, zxid: context.zxid,
    })),

    // ---------------------------------------------------------------- following
    followCandidate: assign({ leader: ({ context }) => (context.vote as Vote).leader }),
    followAnsweringLeader: assign({ leader: ({ event }) => ev(event, 'vote').from }),
    joinLeader: assign({ lastHeard: ({ context }) => context.tick, vote: null, votes: {}, heard: null }),
    sendFollowerInfo: emit(({ context }) =>
      send([context.leader as ServerId], { type: 'followerInfo', epoch: context.acceptedEpoch, zxid: context.zxid, tick: context.tick })),
    acceptEpoch: assign(({ context, event }) => {
      const m = ev(event, 'newEpoch');
      return { acceptedEpoch: m.epoch, acceptedLeader: m.from, currentEpoch: m.epoch, zxid: m.zxid, lastHeard: context.tick };
    }),
    sendAckEpoch: emit(({ context }) =>
      send([context.leader as ServerId], { type: 'ackEpoch', epoch: context.currentEpoch, zxid: context.zxid, tick: context.tick })),
    announceFollowing: emit(({ context }) => ({
      type: 'role' as const, role: 'following' as const, epoch: context.currentEpoch, leader: context.leader, zxid: context.zxid,
    })),
    hearLeader: assign(({ context, event }) => {
      const p = ev(event, 'ping');
      return { lastHeard: Math.max(context.lastHeard, p.tick ?? context.tick), heard: { from: p.from, epoch: p.epoch } };
    }),
    sendPong: emit(({ context, event }) => {
      const p = ev(event, 'ping');
      return send([p.from], { type: 'pong', epoch: context.currentEpoch, zxid: context.zxid, tick: context.tick });
    }),

    // ---------------------------------------------------------------- leading
    startLeading: assign({ since: ({ context }) => context.tick, vote: null, votes: {}, proposed: null, followers: {} }),
    /** Tells a looking peer who leads, with the epoch it would be asked to accept. */
    answerVote: emit(({ context, event }) =>
      send([ev(event, 'vote').from], { type: 'vote', leader: context.self, epoch: context.acceptedEpoch, zxid: context.zxid, state: 'leading', tick: context.tick })),
    recordFollowerInfo: assign({
      pending: ({ context, event }) => ({ ...context.pending, [ev(event, 'followerInfo').from]: ev(event, 'followerInfo').epoch }),
    }),
    proposeEpoch: assign(({ context }) => {
      const proposed = Math.max(context.acceptedEpoch, ...Object.values(context.pending)) + 1;
      return { proposed, acceptedEpoch: proposed, acceptedLeader: context.self };
    }),
    noteProposal: assign({ proposals: ({ context }) => [...context.proposals, context.proposed as Epoch] }),
    sendNewEpochToPending: emit(({ context }) =>
      send(Object.keys(context.pending).sort(), { type: 'newEpoch', epoch: context.proposed as Epoch, zxid: context.zxid, tick: context.tick })),
    sendNewEpochToSender: emit(({ context, event }) =>
      send([(event as { from: ServerId }).from], { type: 'newEpoch', epoch: context.proposed as Epoch, zxid: context.zxid, tick: context.tick })),
    recordAck: assign({ followers: ({ context, event }) => ({ ...context.followers, [ev(event, 'ackEpoch').from]: context.tick }) }),
    establish: assign(({ context }) => ({
      currentEpoch: context.proposed as Epoch,
      led: context.led.includes(context.proposed as Epoch) ? context.led : [...context.led, context.proposed as Epoch],
    })),
    announceLeading: emit(({ context }) => ({
      type: 'role' as const, role: 'leading' as const, epoch: context.currentEpoch, leader: context.self, zxid: context.zxid,
    })),
    markDownSilent: enqueueActions(({ context, enqueue }) => markDownBody((c) => c.syncLimit)({ context, enqueue: enqueue as unknown as MarkDownEnqueue })),
    pingFollowers: enqueueActions(({ context, enqueue }) => {
      const to = Object.keys(context.followers).sort();
      if (to.length > 0) enqueue.emit(send(to, { type: 'ping', epoch: context.currentEpoch, zxid: context.zxid, tick: context.tick }));
    }),
    recordPong: assign({
      followers: ({ context, event }) => {
        const p = ev(event, 'pong');
        return { ...context.followers, [p.from]: Math.max(context.followers[p.from], p.tick ?? context.tick) };
      },
    }),
  },
}).createMachine({
  id: 'cluster-server',
  context: ({ input }) => ({
    self: input.self, servers: input.servers, syncLimit: input.syncLimit,
    acceptedEpoch: 0, acceptedLeader: null, currentEpoch: 0, zxid: input.zxid ?? 0,
    tick: 0,
    vote: null, votes: {},
    leader: null, lastHeard: 0,
    since: 0, pending: {}, proposed: null, followers: {},
    highest: { accepted: 0, current: 0 }, led: [], proposals: [], heard: null, suspected: [], suspectedAt: 0,
  }),
  initial: 'looking',
  on: {
    // Disk survives a crash; memory does not.
    restart: { target: '.looking', actions: ['recover', 'restartClock'] },
    rebase: { actions: 'rebaseClock' },
  },
  states: {
    looking: {
      entry: ['startElection', 'broadcastVote', 'announceLooking'],
      on: {
        // Synchronous-round election: each looking server sends its vote once per round
        // (on entering LOOKING and at every tick), adopts the best vote it hears, and reads
        // the outcome at its next tick (ZooKeeper's finalizeWait). Re-sending every tick
        // also reaches peers that were cut off or lost a vote.
        tick: [
          { guard: 'quorumElectsMe', target: 'leading', actions: 'advanceClock' },
          { guard: 'quorumElectsOther', target: 'following', actions: ['advanceClock', 'followCandidate'] },
          { actions: ['advanceClock', 'broadcastVote'] },
        ],
        vote: [
          { guard: and(['arrived', 'leaderAnswered']), target: 'following', actions: 'followAnsweringLeader' },
          // Adopted now, announced at the next tick: one vote per peer per round.
          { guard: and(['arrived', 'betterVoteFromLookingPeer']), actions: ['recordVote', 'adoptVote'] },
          { guard: and(['arrived', 'voteFromLookingPeer']), actions: 'recordVote' },
          { guard: 'arrived', actions: 'discard' },
        ],
        ping: { guard: 'arrived', actions: 'discard' },
        pong: { guard: 'arrived', actions: 'discard' },
        // A peer that read the election's outcome before us: a vote for us, and kept for
        // when we lead.
        followerInfo: { guard: 'arrived', actions: ['recordFollowerInfo', 'countFollowerAsVote'] },
        newEpoch: { guard: 'arrived', actions: 'discard' },
        ackEpoch: { guard: 'arrived', actions: 'discard' },
      },
    },
    following: {
      entry: ['joinLeader', 'sendFollowerInfo'],
      initial: 'syncing',
      always: { guard: 'leaderSilent', target: 'looking' },
      on: {
        tick: { actions: 'advanceClock' },
        // While syncing, the candidate may still be reading the election's outcome; its
        // looking votes mean nothing yet (the syncLimit timeout covers a candidate that
        // never leads).
        ...discardStrayMessages,
      },
      states: {
        syncing: {
          on: {
            newEpoch: [
              { guard: and(['arrived', 'newEpochAcceptable']), target: 'synced', actions: ['acceptEpoch', 'noteEpochs', 'sendAckEpoch', 'announceFollowing'] },
              // A leader behind our accepted epoch cannot lead us: back to election.
              { guard: and(['arrived', 'fromLeader']), target: '#cluster-server.looking' },
              { guard: 'arrived', actions: 'discard' },
            ],
          },
        },
        synced: {
          on: {
            ping: [{ guard: and(['arrived', 'pingFromLeaderInMyEpoch']), actions: ['hearLeader', 'sendPong'] }, { guard: 'arrived', actions: 'discard' }],
            // Our leader is looking again: it gave up leading us.
            vote: [{ guard: and(['arrived', 'leaderGaveUp']), target: '#cluster-server.looking' }, { guard: 'arrived', actions: 'discard' }],
          },
        },
      },
    },
    leading: {
      entry: 'startLeading',
      initial: 'proposing',
      on: {
        tick: { actions: 'advanceClock' },
        ...discardStrayMessages,
        vote: [{ guard: and(['arrived', 'voteFromLookingPeer']), actions: 'answerVote' }, { guard: 'arrived', actions: 'discard' }],
      },
      states: {
        proposing: {
          always: [
            { guard: 'notEstablishedInTime', target: '#cluster-server.looking' },
            { guard: 'pendingQuorum', actions: ['proposeEpoch', 'noteProposal', 'noteEpochs', 'sendNewEpochToPending'] },
            // A quorum of one (a single server) needs no acks.
            { guard: 'proposalAcked', target: 'established', actions: ['establish', 'noteEpochs', 'announceLeading'] },
          ],
          on: {
            followerInfo: [
              { guard: and(['arrived', 'epochAlreadyProposed']), actions: ['recordFollowerInfo', 'sendNewEpochToSender'] },
              { guard: 'arrived', actions: 'recordFollowerInfo' },
            ],
            ackEpoch: [
              { guard: and(['arrived', 'ackCompletesQuorum']), target: 'established', actions: ['recordAck', 'establish', 'noteEpochs', 'announceLeading'] },
              { guard: and(['arrived', 'ackForProposal']), actions: 'recordAck' },
              { guard: 'arrived', actions: 'discard' },
            ],
          },
        },
        established: {
          always: { guard: 'lostQuorum', target: '#cluster-server.looking' },
          on: {
            tick: { actions: ['advanceClock', 'markDownSilent', 'pingFollowers'] },
            pong: [{ guard: and(['arrived', 'pongFromFollower']), actions: 'recordPong' }, { guard: 'arrived', actions: 'discard' }],
            followerInfo: { guard: 'arrived', actions: ['recordFollowerInfo', 'sendNewEpochToSender'] },
            ackEpoch: [{ guard: and(['arrived', 'ackForProposal']), actions: 'recordAck' }, { guard: 'arrived', actions: 'discard' }],
          },
        },
      },
    },
  },
});

/**
 * The machine for an open clock: its restart sets the tick to -1 (before any round), so the
 * system offers the restarted server the current round's tick whatever frame its frozen tick
 * was from, and drops the ghost suspicions dated in that frame.
 */
export const withOpenClockRestart = (machine: typeof serverMachine) =>
  machine.provide({ actions: { restartClock: assign({ tick: -1, suspected: [], suspectedAt: 0 }) } });
