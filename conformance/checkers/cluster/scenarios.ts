/**
 * Scripted leader/follower runs, tick by tick, for testing the cluster checkers and for
 * the recorded traces in traces/cluster/. Each scenario says which properties it is meant
 * to break; `pass` scenarios break none.
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { traceHeader } from '../../schema/header.ts';

export const TICK_MS = 100;
export const SYNC_LIMIT = 2;
export const SESSION_TIMEOUT_MS = 600;
const SERVERS = ['s1', 's2', 's3'];

export function clusterHeader(description: string): TraceHeader {
  return traceHeader('cluster',
    { servers: SERVERS, tickTime: TICK_MS, syncLimit: SYNC_LIMIT, sessionTimeout: SESSION_TIMEOUT_MS, clients: ['c1'] },
    { name: 'coordkit cluster scenarios', version: '1' }, description);
}

type Step = (b: Builder) => void;

/** Appends events with increasing seq and ts = tick x tickTime. */
export class Builder {
  readonly events: TraceEvent[] = [];
  private readonly down = new Set<string>();
  tick = 0;

  private add(e: Record<string, unknown>): void {
    this.events.push({ seq: this.events.length + 1, ts: this.tick * TICK_MS, ...e } as TraceEvent);
  }

  advance(): void {
    this.tick++;
    for (const s of SERVERS) if (!this.down.has(s)) this.add({ node: s, kind: 'tick', tick: this.tick });
  }

  role(node: string, role: 'looking' | 'following' | 'leading', epoch: number, leader?: string): void {
    this.add({ node, kind: 'role', role, epoch, ...(leader ? { leader } : {}) });
  }
  fault(node: string, kind: 'crash' | 'pause' | 'restart' | 'resume'): void {
    if (kind === 'crash' || kind === 'pause') this.down.add(node);
    else this.down.delete(node);
    this.add({ node, kind });
  }
  suspect(node: string, peer: string): void { this.add({ node, kind: 'suspect', peer, tick: this.tick }); }
  session(node: string, session: string, action: 'create' | 'heartbeat' | 'expire' | 'close'): void {
    this.add({ node, kind: 'session', session, action });
  }
  ping(leader: string, epoch: number): void {
    for (const f of SERVERS) {
      if (f === leader || this.down.has(f)) continue;
      this.add({ node: leader, kind: 'send', to: f, msg: { type: 'ping', epoch, zxid: 0, tick: this.tick } });
      this.add({ node: f, kind: 'receive', from: leader, msg: { type: 'ping', epoch, zxid: 0, tick: this.tick } });
    }
  }
}

export interface Scenario {
  name: string;
  /** Property names (without "cluster.") this run is meant to break; empty for a passing run. */
  breaks: string[];
  /** Steps keyed by tick; the run lasts until `ticks`. */
  ticks: number;
  at: Record<number, Step>;
  /** Whether the session c1 heartbeats on this tick (default: every other tick up to 4). */
  heartbeat?: (tick: number) => boolean;
}

const elect: Step = (b) => {
  for (const s of SERVERS) b.role(s, 'looking', 0);
  b.role('s1', 'leading', 1);
  b.role('s2', 'following', 1, 's1');
  b.role('s3', 'following', 1, 's1');
  b.session('s1', 'c1', 'create');
};

export function build(s: Scenario): { header: TraceHeader; events: TraceEvent[] } {
  const b = new Builder();
  elect(b);
  const beats = s.heartbeat ?? ((t: number) => t <= 4 && t % 2 === 0);
  let leader = 's1';
  for (let t = 1; t <= s.ticks; t++) {
    b.advance();
    s.at[t]?.(b);
    const lead = b.events.filter((e) => e.kind === 'role' && e.role === 'leading').at(-1);
    if (lead && lead.kind === 'role') leader = lead.node;
    if (beats(t)) b.session(leader, 'c1', 'heartbeat');
    b.ping(leader, (lead as { epoch?: number } | undefined)?.epoch ?? 1);
  }
  return { header: clusterHeader(`scenario ${s.name}`), events: b.events };
}

/** Session c1's last heartbeat is at tick 4, so it is due to expire at tick 10. */
const expireOnTime: Record<number, Step> = { 10: (b) => b.session('s1', 'c1', 'expire') };

export const scenarios: Scenario[] = [
  {
    name: 'follower-crash-and-return', breaks: [], ticks: 14,
    at: {
      ...expireOnTime,
      5: (b) => b.fault('s3', 'crash'),
      7: (b) => b.suspect('s1', 's3'),
      9: (b) => { b.fault('s3', 'restart'); b.role('s3', 'looking', 1); },
      10: (b) => { b.session('s1', 'c1', 'expire'); b.role('s3', 'following', 1, 's1'); },
    },
  },
  {
    name: 'leader-crash-reelection', breaks: [], ticks: 14, heartbeat: (t) => t <= 10 && t % 2 === 0,
    at: {
      5: (b) => { b.fault('s1', 'crash'); },
      6: (b) => { b.role('s2', 'looking', 1); b.role('s3', 'looking', 1); },
      8: (b) => { b.role('s2', 'leading', 2); b.role('s3', 'following', 2, 's2'); },
    },
  },
  {
    name: 'follower-pause-short', breaks: [], ticks: 12,
    at: { ...expireOnTime, 5: (b) => b.fault('s2', 'pause'), 6: (b) => b.fault('s2', 'resume') },
  },
  {
    name: 'two-leaders-one-epoch', breaks: ['one-leader-per-epoch'], ticks: 12,
    at: { ...expireOnTime, 11: (b) => b.role('s2', 'leading', 1) },
  },
  {
    name: 'epoch-forgotten-after-restart', breaks: ['monotonic-epochs'], ticks: 12,
    at: {
      ...expireOnTime,
      5: (b) => b.fault('s3', 'crash'),
      7: (b) => b.suspect('s1', 's3'),
      9: (b) => { b.fault('s3', 'restart'); b.role('s3', 'looking', 0); },
    },
  },
  {
    name: 'crashed-follower-never-suspected', breaks: ['fd-completeness'], ticks: 12,
    at: { ...expireOnTime, 5: (b) => b.fault('s3', 'crash') },
  },
  {
    name: 'live-follower-suspected', breaks: ['fd-accuracy'], ticks: 12,
    at: { ...expireOnTime, 6: (b) => b.suspect('s1', 's2') },
  },
  {
    name: 'session-expired-early', breaks: ['session-expiry'], ticks: 12,
    at: { 7: (b) => b.session('s1', 'c1', 'expire') },
  },
  {
    name: 'session-never-expired', breaks: ['session-expiry'], ticks: 14,
    at: {},
  },
  {
    // The leader crashes at tick 5 and the survivors stay looking: a majority (s2, s3) is
    // up and connected, yet no leader by tick 5 + syncLimit + 5 = 12.
    name: 'no-leader-after-crash', breaks: ['leader-liveness'], ticks: 14, heartbeat: () => false,
    at: {
      5: (b) => { b.fault('s1', 'crash'); },
      6: (b) => { b.role('s2', 'looking', 1); b.role('s3', 'looking', 1); },
    },
  },
];
