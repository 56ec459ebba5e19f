/**
 * A client of the cluster, for real runs and simulations: it opens sessions on schedule,
 * heartbeats them to every server (the leader acts, the others remember), and then either
 * closes a session or falls silent (a client that died), which the leader must notice by
 * expiring the session after sessionTimeout.
 */
import { send, type ClusterNode, type Input, type Output, type ServerId, type Tick } from './types.ts';

export interface SessionPlan {
  session: string;
  ephemerals: string[];
  /** Tick at which the client opens it. */
  open: Tick;
  /** Tick from which the client sends nothing more for it (it died); absent: never. */
  silentAt?: Tick;
  /** Tick at which the client closes it; absent: never. */
  closeAt?: Tick;
}

export interface ClientConfig {
  self: string;
  servers: ServerId[];
  /** Ticks between heartbeats of an open session. */
  heartbeatTicks: number;
  sessions: SessionPlan[];
}

type Phase = 'planned' | 'open' | 'silent' | 'closed';
interface ClientState { phase: Record<string, Phase>; lastSent: Record<string, Tick> }

export class ClusterClient implements ClusterNode {
  readonly role = 'client';
  readonly id: string;
  private state: ClientState;

  constructor(private readonly config: ClientConfig) {
    this.id = config.self;
    this.state = { phase: Object.fromEntries(config.sessions.map((s) => [s.session, 'planned'])), lastSent: {} };
  }

  handle(input: Input): Output[] {
    if (input.kind !== 'event' || input.event.type !== 'tick' || typeof input.event.now !== 'number') return [];
    const now = input.event.now;
    const out: Output[] = [];
    const phase = { ...this.state.phase };
    const lastSent = { ...this.state.lastSent };
    const to = this.config.servers;
    for (const s of this.config.sessions) {
      const p = phase[s.session];
      if (p === 'planned' && now >= s.open) {
        out.push(send(to, { type: 'session', session: s.session, op: 'create', ephemerals: s.ephemerals }));
        phase[s.session] = 'open';
        lastSent[s.session] = now;
      } else if (p === 'open' && s.closeAt !== undefined && now >= s.closeAt) {
        out.push(send(to, { type: 'session', session: s.session, op: 'close' }));
        phase[s.session] = 'closed';
      } else if (p === 'open' && s.silentAt !== undefined && now >= s.silentAt) {
        phase[s.session] = 'silent';
      } else if (p === 'open' && now - lastSent[s.session] >= this.config.heartbeatTicks) {
        out.push(send(to, { type: 'session', session: s.session, op: 'heartbeat', ephemerals: s.ephemerals }));
        lastSent[s.session] = now;
      }
    }
    this.state = { phase, lastSent };
    return out;
  }

  observe(): ClientState { return { phase: { ...this.state.phase }, lastSent: { ...this.state.lastSent } }; }
  save(): unknown { return this.state; }
  load(saved: unknown): void { this.state = saved as ClientState; }
}
