/**
 * Cross-line rules a single line cannot check: seq strictly increasing, ts never going
 * backwards, every node an event names declared in the header, and every event and
 * message of the header's protocol (protocol-kinds.ts).
 */
import { UserError } from './user-error.js';
import { foreignToProtocol } from './protocol-kinds.js';
/** The node ids a header declares, or null when the protocol leaves them open. */
export function declaredNodes(h) {
    switch (h.protocol) {
        case 'paxos':
            return new Set([...h.config.acceptors, ...h.config.proposers, ...h.config.learners]);
        case 'cluster':
            return new Set([...h.config.servers, ...h.config.clients]);
        case 'balancer':
            // The balancer itself is the event's node and is not listed; backends can change
            // through membership events, which the balancer checkers judge.
            return null;
    }
}
export class OrderGuard {
    lastSeq = -1;
    lastTs = -Infinity;
    nodes;
    protocol;
    constructor(header) {
        this.nodes = declaredNodes(header);
        this.protocol = header.protocol;
    }
    check(e, at) {
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
        const foreign = foreignToProtocol(e, this.protocol);
        if (foreign !== undefined)
            throw new UserError(foreign.message, { ...at, field: foreign.field });
        const nodes = this.nodes;
        if (nodes === null)
            return;
        if (!nodes.has(e.node))
            this.unknown(e.node, 'node', at);
        if (e.kind === 'send') {
            if (typeof e.to === 'string') {
                if (!nodes.has(e.to))
                    this.unknown(e.to, 'to', at);
            }
            else {
                for (let i = 0; i < e.to.length; i++)
                    if (!nodes.has(e.to[i]))
                        this.unknown(e.to[i], `to.${i}`, at);
            }
        }
        else if (e.kind === 'receive' || e.kind === 'drop' || e.kind === 'duplicate') {
            if (!nodes.has(e.from))
                this.unknown(e.from, 'from', at);
        }
        else if (e.kind === 'suspect') {
            if (!nodes.has(e.peer))
                this.unknown(e.peer, 'peer', at);
        }
    }
    unknown(id, field, at) {
        throw new UserError(`node '${id}' is not declared in the header`, { ...at, field });
    }
}
