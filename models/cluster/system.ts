/**
 * The cluster system for the explorer: N servers and an environment actor (clock, pauses,
 * fault monitor), in synchronous rounds:
 *
 *   round t:  every up server receives tick(t) once (in any order), and every message
 *             that can be delivered is delivered (in any order, with the replies it causes);
 *             faults may strike at any point;
 *   then:     the environment advances time to t + 1 (only while t < maxTicks).
 *
 * Servers talk over connections (as ZooKeeper does over TCP): a message to a crashed server
 * or across a partition is lost, in flight or when sent. Messages to a paused server wait
 * for it. Loss and duplication of other messages are explicit, budgeted faults.
 */
import type { AnyStateMachine } from 'xstate';
import type { ActorSpec, OfferContext, SystemSpec } from '../../src/explore/spec.ts';
import { environmentMachine, type EnvironmentContext } from './environment.ts';
import { serverMachine, type ServerContext } from './server.ts';
import { clusterProperties } from './properties.ts';
import { livenessBound } from './bound.ts';
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
  const actors: ActorSpec[] = [
    ...servers.map((self, i) => ({
      id: self, role: 'server', machine: cfg.server ?? serverMachine,
      input: { self, servers, syncLimit: cfg.syncLimit, zxid: cfg.zxids?.[i] ?? 0 },
    })),
    {
      id: ENVIRONMENT_ID, role: 'environment', machine: environmentMachine, environment: true, receives: [],
      input: { servers, maxTicks: cfg.maxTicks, pauses: cfg.faults.pauses },
    },
  ];
  const envIndex = actors.length - 1;

  function offers(ctx: OfferContext): void {
    const view = ctx.view();
    const env = environmentOf(view);
    if (ctx.actor === envIndex) return environmentOffers(ctx, env);
    const id = actors[ctx.actor].id;
    const tick = (ctx.snapshot.context as ServerContext).tick;
    if (tick < env.now && !env.paused.includes(id)) ctx.offer(`tick|${env.now}`, () => ({ type: 'tick', now: env.now }));
  }

  /** The environment's own steps: the round-ending advance, pauses and resumes. */
  function environmentOffers(ctx: OfferContext, env: EnvironmentContext): void {
    const view = ctx.view();
    const all = serversOf(view);
    if (env.now < cfg.maxTicks && roundComplete(view, all, env)) {
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
    name: `cluster(servers=${cfg.servers}, syncLimit=${cfg.syncLimit}, maxTicks=${cfg.maxTicks}, faults=${describeFaults(cfg.faults)})`,
    actors,
    network: { kind: 'multiset', loss: cfg.faults.losses, duplicate: cfg.faults.duplicates, connections: true },
    faults: { crashes: cfg.faults.crashes, restarts: cfg.faults.restarts, partitions: cfg.faults.partitions },
    offers,
    properties: clusterProperties({
      syncLimit: cfg.syncLimit, livenessBound: bound, faulty: Object.values(cfg.faults).some((n) => n > 0),
    }),
    traceHeader: () => traceHeader('cluster',
      { servers, tickTime: cfg.tickTime ?? 1000, syncLimit: cfg.syncLimit, clients: [] },
      { name: 'coordkit explore' }, `model counterexample; liveness bound ${bound} ticks`),
  };
}

export function describeFaults(f: ClusterFaults): string {
  const parts = Object.entries(f).filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}`);
  return parts.length ? parts.join(',') : 'none';
}
