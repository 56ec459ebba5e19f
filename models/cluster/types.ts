/** Shared vocabulary of the cluster models (ZooKeeper-style leader/follower with ticks). */
import type { ClusterMessage } from '../../conformance/schema/trace.ts';

export type { ClusterMessage };
export type ServerId = string;
export type Tick = number;
export type Epoch = number;

/** A message received by a machine becomes an event of the same type, tagged with its sender. */
export type Received<M extends ClusterMessage = ClusterMessage> = M & { from: ServerId };

/** What machines emit to have a message sent; the explorer and the drivers route it. */
export interface SendEmitted {
  type: 'send';
  to: ServerId[];
  msg: ClusterMessage;
}

/** Trace events a machine emits directly (copied into counterexample traces). */
export type TraceEmitted =
  | { type: 'role'; role: 'looking' | 'following' | 'leading'; epoch: Epoch; leader: ServerId | null; zxid: number }
  | { type: 'suspect'; peer: ServerId; tick: Tick }
  | { type: 'session'; session: string; action: 'create' | 'heartbeat' | 'expire' | 'close'; ephemerals?: string[] };

/** The environment's clock step: every live, running node receives the global time. */
export interface TickEvent {
  type: 'tick';
  now: Tick;
}

/**
 * A stored tick after an open clock's window slides back by one (environment.ts): relative
 * times keep their differences, and 0 stands for "at least maxTicks rounds ago".
 */
export const rebased = (t: Tick): Tick => Math.max(0, t - 1);

/** A proposal in leader election: votes are ordered by (epoch, zxid, server id). */
export interface Vote {
  leader: ServerId;
  epoch: Epoch;
  zxid: number;
}

/** True when `a` beats `b` in Fast Leader Election's total order. */
export function betterVote(a: Vote, b: Vote): boolean {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch;
  if (a.zxid !== b.zxid) return a.zxid > b.zxid;
  return a.leader > b.leader;
}

export const quorumSize = (servers: number): number => Math.floor(servers / 2) + 1;
