/**
 * Cross-line rules a single line cannot check: seq strictly increasing, ts never going
 * backwards, every node an event names declared in the header, and every event and
 * message of the header's protocol (protocol-kinds.ts).
 */
import { UserError } from './user-error.ts';
import { belongsTo, foreignToProtocol } from './protocol-kinds.ts';
import type { LineRef } from './parse-line.ts';
import type { TraceEvent, TraceHeader } from './trace.ts';

/** The node ids a header declares, or null when the protocol leaves them open. */
export function declaredNodes(h: TraceHeader): Set<string> | null {
  switch (h.protocol) {
    case 'paxos':
      return new Set([...h.config.acceptors, ...h.config.proposers, ...h.config.learners]);
    case 'cluster':
      return new Set([...h.config.servers, ...h.config.clients]);
    case 'balancer':
      // The balancer itself is the event's node and is not listed; backends can change
      // through membership events, which the balancer checkers judge.
      return null;
    case 'custom':
      return new Set(h.config.nodes);
  }
}

export class OrderGuard {
  private lastSeq = -1;
  private lastTs = -Infinity;
  private readonly nodes: Set<string> | null;
  private readonly protocol: TraceHeader['protocol'];
  private readonly belongs: (e: TraceEvent) => boolean;

  constructor(header: TraceHeader) {
    this.nodes = declaredNodes(header);
    this.protocol = header.protocol;
    this.belongs = belongsTo(header.protocol);
  }

  check(e: TraceEvent, at: LineRef): void {
    if (e.seq <= this.lastSeq) {
      throw new UserError(`seq ${e.seq} is not greater than the previous event's seq ${this.lastSeq}`, { ...at, field: 'seq' });
    }
    this.lastSeq = e.seq;
    if (e.ts !== undefined) {
      if (e.ts < this.lastTs) {
        throw new UserError(`ts ${e.ts} goes backwards (previous event had ts ${this.lastTs})`, { ...at, field: 'ts' });
      }
      this.lastTs = e.ts;
    }
    if (!this.belongs(e)) {
      const foreign = foreignToProtocol(e, this.protocol);
      if (foreign !== undefined) throw new UserError(foreign.message, { ...at, field: foreign.field });
    }
    const nodes = this.nodes;
    if (nodes === null) return;
    if (!nodes.has(e.node)) this.unknown(e.node, 'node', at);
    if (e.kind === 'send') {
      if (typeof e.to === 'string') {
        if (!nodes.has(e.to)) this.unknown(e.to, 'to', at);
      } else {
        for (let i = 0; i < e.to.length; i++) if (!nodes.has(e.to[i])) this.unknown(e.to[i], `to.${i}`, at);
      }
    } else if (e.kind === 'receive' || e.kind === 'drop' || e.kind === 'duplicate') {
      if (!nodes.has(e.from)) this.unknown(e.from, 'from', at);
    } else if (e.kind === 'suspect') {
      if (!nodes.has(e.peer)) this.unknown(e.peer, 'peer', at);
    }
  }

  private unknown(id: string, field: string, at: LineRef): never {
    throw new UserError(`node '${id}' is not declared in the header`, { ...at, field });
  }
}
