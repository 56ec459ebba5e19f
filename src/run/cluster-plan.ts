/**
 * The real-network cluster run: N servers and one client. The client keeps one session
 * alive for the whole run and opens a new short session every few session timeouts,
 * which it then either closes or abandons (a client that died), so the run shows the
 * leader expiring sessions, with their ephemerals, across the injected faults.
 */
import type { TraceHeader } from '../../conformance/schema/trace.ts';
import type { ClientConfig, SessionPlan } from '../impl/cluster/client.ts';
import type { ServerConfig } from '../impl/cluster/types.ts';
import type { RunPlan } from './runner.ts';
import { traceHeader } from '../../conformance/schema/header.ts';

export interface ClusterRunOptions {
  durationMs: number;
  /** Milliseconds per tick (default 100). */
  tickMs?: number;
  /** Ticks of silence before a peer is given up (default 2). */
  syncLimit?: number;
  /** Session timeout in ticks (default 10). */
  sessionTicks?: number;
}

/** The client's sessions over `ticks` ticks: one long-lived, then short ones that close or die in turn. */
export function clientSessions(ticks: number, sessionTicks: number): SessionPlan[] {
  const sessions: SessionPlan[] = [{ session: 'c1.live', ephemerals: ['/members/c1'], open: 1 }];
  const every = 2 * sessionTicks;
  for (let open = 3, i = 1; open + 4 < ticks; open += every, i++) {
    const ends = open + 4;
    sessions.push(i % 2 === 1
      ? { session: `c1.s${i}`, ephemerals: [`/locks/c1.s${i}`], open, silentAt: ends }
      : { session: `c1.s${i}`, ephemerals: [`/locks/c1.s${i}`], open, closeAt: ends });
  }
  return sessions;
}

export function clusterRunPlan(serverCount: number, opts: ClusterRunOptions): RunPlan {
  const tickMs = opts.tickMs ?? 100;
  const syncLimit = opts.syncLimit ?? 2;
  const sessionTicks = opts.sessionTicks ?? 10;
  const servers = Array.from({ length: serverCount }, (_, i) => `s${i + 1}`);
  const client: ClientConfig = {
    self: 'c1', servers, heartbeatTicks: 2,
    sessions: clientSessions(Math.floor(opts.durationMs / tickMs), sessionTicks),
  };
  const header: TraceHeader = traceHeader('cluster',
    { servers, tickTime: tickMs, syncLimit, sessionTimeout: sessionTicks * tickMs, clients: [client.self] },
    { name: 'coordkit run' });
  return {
    protocol: 'cluster', header, periodMs: tickMs,
    nodes: [
      ...servers.map((self) => ({ id: self, role: 'server', input: { self, servers, syncLimit, sessionTicks } satisfies ServerConfig })),
      { id: client.self, role: 'client', input: client },
    ],
    victims: servers,
  };
}
