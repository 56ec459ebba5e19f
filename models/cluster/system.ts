/**
 * The cluster system for the explorer: N servers and an environment actor (clock, pauses,
 * fault monitor), in synchronous rounds:
 *
 *   round t:  every up server receives tick(t) once (in any order), and every message
 *             that can be delivered is delivered (in any order, with the replies it causes);
 *             faults may strike at any point;
 *   then:     the environment advances time to t + 1 (only while t < maxTicks).
 *
 * With `openClock` (the liveness check) time never stops: at maxTicks the round ends with a
 * rebase instead (every up server, then the environment, moves its stored ticks back by
 * one; environment.ts), so the state space stays finite while every behaviour is infinite,
 * and the liveness property `leader-eventually` (liveness.ts) is judged under weak fairness
 * of delivery and of the clock's steps.
 *
 * Servers talk over connections (as ZooKeeper does over TCP): a message to a crashed server
 * or across a partition is lost, in flight or when sent. Messages to a paused server wait
 * for it. Loss and duplication of other messages are explicit, budgeted faults.
 */
import type { AnyStateMachine } from 'xstate';
import type { ActorSpec, OfferContext, SystemSpec } from '../../src/explore/spec.ts';
import { environmentMachine, type EnvironmentContext } from './environment.ts';
import { serverMachine, withOpenClockRestart, type ServerContext } from './server.ts';
import { clusterProperties } from './properties.ts';
import { livenessBound } from './bound.ts';
import { CLUSTER_FAIRNESS, clusterLiveness } from './liveness.ts';
import { ENVIRONMENT_ID, environmentOf, faultCount, roundComplete, serversOf } from './observe.ts';
import { traceHeader } from '../../conformance/schema/header.ts';

export interface ClusterFaults {
  crashes: number;
  restarts: number;
  partitions: number;
  losses: number;
  duplicates: number;
  pauses: number;
}

export const NO_CLUSTER_FAULTS: ClusterFaults = { crashes: 0, restarts: 0, partitions: 0, losses: 0, duplicates: 0, pauses: 0 };

export interface ClusterConfig {
  servers: number;
  syncLimit: number;
  /** Rounds of time explored: the clock stops at this tick. */
  maxTicks: number;
  faults: ClusterFaults;
  /** Each server's last zxid at start (default all 0). */
  zxids?: number[];
  /** Override the derived liveness bound (tests use it to show the bound is tight). */
  livenessBound?: number;
  /** A replacement server machine (for mutants); default: the specification's. */
  server?: AnyStateMachine;
  /** Milliseconds per tick, for the trace header only. */
  tickTime?: number;
  /**
   * Time never stops: at maxTicks the clock window slides instead (environment.ts), and the
   * unbounded liveness property `leader-eventually` is declared. Opt-in, so the bounded
   * runs keep their state counts. Needs maxTicks >= the liveness bound (so that "0 = long
   * ago" reads like the true time in every timing comparison) and no pauses (messages
   * waiting for a paused server would keep stale ticks across a rebase).
   */
  openClock?: boolean;
}

/** Message copies in flight are counted in 4 bits; votes re-sent every tick pile up at a crashed server. */
export const MAX_TICKS_LIMIT = 12;

export const serverIds = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

export function clusterSystem(cfg: ClusterConfig): SystemSpec {
  if (cfg.servers < 1 || cfg.servers > 7) throw new Error(`servers must be 1..7, got ${cfg.servers}`);
  if (cfg.syncLimit < 1) throw new Error(`syncLimit must be at least 1, got ${cfg.syncLimit}`);
  if (cfg.maxTicks < 0 || cfg.maxTicks > MAX_TICKS_LIMIT) throw new Error(`maxTicks must be 0..${MAX_TICKS_LIMIT}, got ${cfg.maxTicks}`);
  const servers = serverIds(cfg.servers);
  const bound = cfg.livenessBound ?? livenessBound(cfg.syncLimit);
  const problem = openClockProblem(cfg);
  if (problem) throw new Error(problem);
  // A mutant is the specification with some guards or actions swapped (mutants.ts), so it takes the same provide.
  const server = (cfg.server ?? serverMachine) as typeof serverMachine;
  const actors: ActorSpec[] = [
    ...servers.map((self, i) => ({
      id: self, role: 'server', machine: cfg.openClock ? withOpenClockRestart(server) : server,
      input: { self, servers, syncLimit: cfg.syncLimit, zxid: cfg.zxids?.[i] ?? 0 },
    })),
    {
      id: ENVIRONMENT_ID, role: 'environment', machine: environmentMachine, environment: true, receives: [],
      input: { servers, maxTicks: cfg.maxTicks, pauses: cfg.faults.pauses, openClock: cfg.openClock ?? false },
    },
  ];
  const envIndex = actors.length - 1;

  function offers(ctx: OfferContext): void {
    const view = ctx.view();
    const env = environmentOf(view);
    if (ctx.actor === envIndex) return environmentOffers(ctx, env);
    const id = actors[ctx.actor].id;
    const tick = (ctx.snapshot.context as ServerContext).tick;
    if (env.rebasing) {
      if (tick === env.now) ctx.offer('rebase', () => ({ type: 'rebase' }));
    } else if (tick < env.now && !env.paused.includes(id)) ctx.offer(`tick|${env.now}`, () => ({ type: 'tick', now: env.now }));
  }

  /** The environment's own steps: the round-ending advance, pauses and resumes. */
  function environmentOffers(ctx: OfferContext, env: EnvironmentContext): void {
    const view = ctx.view();
    const all = serversOf(view);
    if (env.rebasing) {
      // Between rounds nothing is in flight (no pauses), so no message carries a stale tick.
      if (view.messages.length > 0) throw new Error('cluster open clock: a message is in flight during a rebase');
      if (all.every((s) => s.crashed || s.ctx.tick < env.now)) ctx.offer('rebase', () => ({ type: 'rebase' }));
      return;
    }
    if ((env.now < cfg.maxTicks || cfg.openClock) && roundComplete(view, all, env)) {
      const faults = faultCount(view);
      const crashed = all.filter((s) => s.crashed).map((s) => s.id);
      ctx.offer(`advance|${faults}|${crashed.join(',')}`, () => ({ type: 'advance', faults, crashed }));
    }
    for (const s of all) {
      if (env.paused.includes(s.id)) ctx.offer(`resume|${s.id}`, () => ({ type: 'resume', server: s.id }));
      else if (env.pausesLeft > 0 && !s.crashed) ctx.offer(`pause|${s.id}`, () => ({ type: 'pause', server: s.id }));
    }
  }

  return {
    name: `cluster(servers=${cfg.servers}, syncLimit=${cfg.syncLimit}, maxTicks=${cfg.maxTicks}${cfg.openClock ? ' open' : ''}, faults=${describeFaults(cfg.faults)})`,
    actors,
    network: { kind: 'multiset', loss: cfg.faults.losses, duplicate: cfg.faults.duplicates, connections: true },
    faults: { crashes: cfg.faults.crashes, restarts: cfg.faults.restarts, partitions: cfg.faults.partitions },
    offers,
    properties: clusterProperties({
      syncLimit: cfg.syncLimit, livenessBound: bound, faulty: Object.values(cfg.faults).some((n) => n > 0),
    }),
    traceHeader: () => traceHeader('cluster',
      { servers, tickTime: cfg.tickTime ?? 1000, syncLimit: cfg.syncLimit, clients: [] },
      { name: 'coordkit explore' }, `model counterexample; liveness bound ${bound} ticks${cfg.openClock ? '; open clock (times relative to the current round)' : ''}`),
    ...(cfg.openClock ? { liveness: clusterLiveness(), fairness: CLUSTER_FAIRNESS } : {}),
  };
}

/** Why `cfg` cannot run with an open clock, or null (also null without one). */
export function openClockProblem(cfg: Pick<ClusterConfig, 'openClock' | 'maxTicks' | 'syncLimit' | 'faults' | 'livenessBound'>): string | null {
  if (!cfg.openClock) return null;
  const bound = cfg.livenessBound ?? livenessBound(cfg.syncLimit);
  // A time floored at 0 must still read as "older than every threshold": syncLimit + 1 and the bound.
  const need = Math.max(bound, cfg.syncLimit + 1);
  if (cfg.maxTicks < need) return `an open clock needs maxTicks >= ${need} (the liveness bound (${bound}) and syncLimit + 1 (${cfg.syncLimit + 1}), whichever is larger), got ${cfg.maxTicks}`;
  if (cfg.faults.pauses > 0) return 'an open clock does not support pauses (messages waiting for a paused server would keep stale ticks across a rebase)';
  return null;
}

export function describeFaults(f: ClusterFaults): string {
  const parts = Object.entries(f).filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}`);
  return parts.length ? parts.join(',') : 'none';
}
