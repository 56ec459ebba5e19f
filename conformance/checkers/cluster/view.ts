/**
 * What the cluster checkers reconstruct from a trace: who is down, who leads, who can
 * reach whom, and what time it is. Bounded by the number of servers.
 *
 * Clock assumptions (documented here because every cluster property depends on them):
 * - Ticks are a shared clock: a node's tick event carries its tick counter, and the
 *   cluster's "now in ticks" is the largest tick any node reported. In-process runs tick
 *   every node together; real runs keep counters within a tick of each other.
 * - Milliseconds come from `ts` when the trace has it, else ticks x tickTime.
 * - Without any tick events, ticks are derived from ts / tickTime.
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';

export type ClusterHeader = Extract<TraceHeader, { protocol: 'cluster' }>;
export type Role = 'looking' | 'following' | 'leading' | 'down';

export class ClusterView {
  readonly tickTime: number;
  readonly servers: ReadonlySet<string>;
  /** Crashed or paused nodes. */
  private readonly down = new Set<string>();
  private readonly roles = new Map<string, { role: Role; epoch: number }>();
  /** Partition group per node while partitioned; null when the network is whole. */
  private groups: Map<string, number> | null = null;
  private maxTick = -1;
  private maxTs = -1;
  leader: { node: string; epoch: number } | null = null;

  constructor(h: ClusterHeader) {
    this.tickTime = h.config.tickTime;
    this.servers = new Set(h.config.servers);
  }

  /** Apply one event; call before judging it. */
  update(e: TraceEvent): void {
    if (e.ts !== undefined && e.ts > this.maxTs) this.maxTs = e.ts;
    switch (e.kind) {
      case 'tick':
        if (e.tick > this.maxTick) this.maxTick = e.tick;
        break;
      case 'role':
        this.roles.set(e.node, { role: e.role, epoch: e.epoch });
        if (e.role === 'leading') {
          if (this.leader === null || e.epoch >= this.leader.epoch) this.leader = { node: e.node, epoch: e.epoch };
        } else if (this.leader?.node === e.node) this.leader = null;
        break;
      case 'crash':
      case 'pause':
        this.down.add(e.node);
        if (this.leader?.node === e.node) this.leader = null;
        break;
      case 'restart':
        this.down.delete(e.node);
        this.roles.delete(e.node); // a restarted server rejoins from scratch
        break;
      case 'resume':
        this.down.delete(e.node);
        break;
      case 'partition': {
        const groups = new Map<string, number>();
        e.groups.forEach((g, i) => g.forEach((n) => groups.set(n, i)));
        this.groups = groups;
        break;
      }
      case 'heal':
        this.groups = null;
        break;
    }
  }

  isDown(node: string): boolean { return this.down.has(node); }
  roleOf(node: string): { role: Role; epoch: number } | undefined { return this.roles.get(node); }

  /** Can a and b exchange messages? Nodes left out of every partition group are isolated. */
  connected(a: string, b: string): boolean {
    if (this.groups === null) return true;
    const ga = this.groups.get(a);
    return ga !== undefined && ga === this.groups.get(b);
  }

  /** Is follower f alive, following the current leader's epoch, and reachable from it? */
  liveFollower(f: string): boolean {
    const leader = this.leader;
    if (leader === null || f === leader.node || this.down.has(f)) return false;
    const r = this.roles.get(f);
    return r?.role === 'following' && r.epoch === leader.epoch && this.connected(leader.node, f);
  }

  hasClock(): boolean { return this.maxTick >= 0 || this.maxTs >= 0; }
  nowTicks(): number { return this.maxTick >= 0 ? this.maxTick : Math.max(this.maxTs, 0) / this.tickTime; }
  nowMs(): number { return this.maxTs >= 0 ? this.maxTs : Math.max(this.maxTick, 0) * this.tickTime; }
}
