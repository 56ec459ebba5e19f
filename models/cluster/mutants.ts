/**
 * Deliberately broken server machines: each must be caught by the explorer with a
 * counterexample to the property named in `kills` (see mutants.test.ts). Each swaps one
 * guard or action of the specification with `machine.provide`.
 */
import { assign, enqueueActions, type AnyStateMachine } from 'xstate';
import { markDownBody, serverMachine, type MarkDownEnqueue, type ServerContext } from './server.ts';
import { NO_CLUSTER_FAULTS, type ClusterConfig } from './system.ts';
import { dueSessions, expireSessions, sessionTrackerMachine, type SessionTrackerContext } from './sessions.ts';
import type { SessionConfig } from './session-system.ts';

export interface ClusterMutant {
  name: string;
  description: string;
  machine: AnyStateMachine;
  /** The property that must catch it (an invariant, or the liveness property of an open-clock run). */
  kills: string;
  /** A small configuration in which it is caught. */
  config: Omit<ClusterConfig, 'server'>;
}

const markDownAfter = (limit: (c: ServerContext) => number): never =>
  enqueueActions(({ context, enqueue }) => markDownBody(limit)({ context: context as ServerContext, enqueue: enqueue as unknown as MarkDownEnqueue })) as never;

const base = { servers: 3, syncLimit: 2, maxTicks: 8 };

export const clusterMutants: ClusterMutant[] = [
  {
    name: 'leader-keeps-epoch',
    description: 'a new leader does not bump the epoch: it proposes the highest epoch its quorum already accepted, and its followers take that epoch from it',
    machine: serverMachine.provide({
      actions: {
        proposeEpoch: assign(({ context }) => {
          const c = context as ServerContext;
          const proposed = Math.max(c.acceptedEpoch, ...Object.values(c.pending), 1);
          return { proposed, acceptedEpoch: proposed, acceptedLeader: c.self };
        }),
      },
      guards: { newEpochAcceptable: ({ context, event }) => (event as { from: string }).from === (context as ServerContext).leader },
    }),
    kills: 'one-leader-per-epoch',
    config: { ...base, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } },
  },
  {
    name: 'restart-forgets-epoch',
    description: 'a restarted server does not read its epochs from disk: it comes back with epoch 0',
    machine: serverMachine.provide({
      actions: {
        recover: assign({
          vote: null, votes: {}, leader: null, lastHeard: 0, since: 0, pending: {}, proposed: null, followers: {},
          heard: null, acceptedEpoch: 0, acceptedLeader: null, currentEpoch: 0,
        }),
      },
    }),
    kills: 'epochs-never-decrease',
    config: { ...base, faults: { ...NO_CLUSTER_FAULTS, crashes: 1, restarts: 1 } },
  },
  {
    name: 'follower-keeps-own-epoch',
    description: "a follower syncs with its leader without taking the leader's new epoch",
    machine: serverMachine.provide({
      actions: { acceptEpoch: assign(({ context }) => ({ lastHeard: (context as ServerContext).tick })) },
    }),
    kills: 'follows-own-epoch',
    config: { ...base, faults: NO_CLUSTER_FAULTS },
  },
  {
    name: 'leader-never-marks-down',
    description: 'a leader never drops a silent follower',
    machine: serverMachine.provide({ actions: { markDownSilent: markDownAfter(() => Infinity) } }),
    kills: 'crashed-follower-marked-down',
    config: { ...base, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } },
  },
  {
    name: 'leader-marks-down-late',
    description: 'off by one: a leader drops a follower only after syncLimit+1 silent ticks',
    machine: serverMachine.provide({ actions: { markDownSilent: markDownAfter((c) => c.syncLimit + 1) } }),
    kills: 'crashed-follower-marked-down',
    config: { ...base, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } },
  },
  {
    name: 'leader-marks-down-after-one-tick',
    description: 'a leader drops a follower after one tick without an answer, whatever syncLimit says',
    machine: serverMachine.provide({ actions: { markDownSilent: markDownAfter(() => 0) } }),
    kills: 'live-follower-never-marked-down',
    config: { ...base, faults: NO_CLUSTER_FAULTS },
  },
  {
    name: 'follower-never-times-out',
    description: 'a follower never gives up on a silent leader, so a crashed leader is never replaced',
    machine: serverMachine.provide({ guards: { leaderSilent: () => false } }),
    kills: 'leader-within-bound',
    config: { ...base, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } },
  },
  {
    name: 'keeps-own-vote',
    description: 'a looking server never adopts a better vote: it keeps voting for itself, so no candidate ever gathers a quorum and the election goes on forever',
    machine: serverMachine.provide({ guards: { betterVoteFromLookingPeer: () => false } }),
    kills: 'leader-eventually',
    config: { ...base, maxTicks: 7, faults: NO_CLUSTER_FAULTS, openClock: true },
  },
];

export function findClusterMutant(name: string): ClusterMutant | undefined {
  return clusterMutants.find((m) => m.name === name);
}

export interface SessionMutant {
  name: string;
  description: string;
  machine: AnyStateMachine;
  kills: string;
  config: Omit<SessionConfig, 'tracker'>;
}

const expireWith = (due: (c: SessionTrackerContext) => string[], deleteEphemerals = true): never =>
  assign(({ context }) => expireSessions(context as SessionTrackerContext, due(context as SessionTrackerContext), deleteEphemerals)) as never;

const sessionBase = { sessions: 1, timeout: 2, maxTicks: 5 };

export const sessionMutants: SessionMutant[] = [
  {
    name: 'session-expires-early',
    description: 'off by one: a session expires one tick before its timeout',
    machine: sessionTrackerMachine.provide({ actions: { expireDue: expireWith((c) => dueSessions(c, c.now, c.timeout - 1)) } }),
    kills: 'session-not-expired-early',
    config: sessionBase,
  },
  {
    name: 'session-never-expires',
    description: 'the tracker never expires a session',
    machine: sessionTrackerMachine.provide({ actions: { expireDue: expireWith(() => []) } }),
    kills: 'session-not-expired-late',
    config: sessionBase,
  },
  {
    name: 'heartbeat-ignored',
    description: 'heartbeats do not refresh the session, so busy clients expire too',
    machine: sessionTrackerMachine.provide({ actions: { heartbeat: assign({}) as never } }),
    kills: 'session-not-expired-early',
    config: sessionBase,
  },
  {
    name: 'ephemerals-survive-expiry',
    description: "an expired session's ephemeral nodes stay in the tree",
    machine: sessionTrackerMachine.provide({ actions: { expireDue: expireWith((c) => dueSessions(c, c.now, c.timeout), false) } }),
    kills: 'ephemerals-follow-sessions',
    config: sessionBase,
  },
];
