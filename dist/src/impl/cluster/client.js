/**
 * A client of the cluster, for real runs and simulations: it opens sessions on schedule,
 * heartbeats them to every server (the leader acts, the others remember), and then either
 * closes a session or falls silent (a client that died), which the leader must notice by
 * expiring the session after sessionTimeout.
 */
import { send } from './types.js';
export class ClusterClient {
    config;
    role = 'client';
    id;
    state;
    constructor(config) {
        this.config = config;
        this.id = config.self;
        this.state = { phase: Object.fromEntries(config.sessions.map((s) => [s.session, 'planned'])), lastSent: {} };
    }
    handle(input) {
        if (input.kind !== 'event' || input.event.type !== 'tick' || typeof input.event.now !== 'number')
            return [];
        const now = input.event.now;
        const out = [];
        const phase = { ...this.state.phase };
        const lastSent = { ...this.state.lastSent };
        const to = this.config.servers;
        for (const s of this.config.sessions) {
            const p = phase[s.session];
            if (p === 'planned' && now >= s.open) {
                out.push(send(to, { type: 'session', session: s.session, op: 'create', ephemerals: s.ephemerals }));
                phase[s.session] = 'open';
                lastSent[s.session] = now;
            }
            else if (p === 'open' && s.closeAt !== undefined && now >= s.closeAt) {
                out.push(send(to, { type: 'session', session: s.session, op: 'close' }));
                phase[s.session] = 'closed';
            }
            else if (p === 'open' && s.silentAt !== undefined && now >= s.silentAt) {
                phase[s.session] = 'silent';
            }
            else if (p === 'open' && now - lastSent[s.session] >= this.config.heartbeatTicks) {
                out.push(send(to, { type: 'session', session: s.session, op: 'heartbeat', ephemerals: s.ephemerals }));
                lastSent[s.session] = now;
            }
        }
        this.state = { phase, lastSent };
        return out;
    }
    observe() { return { phase: { ...this.state.phase }, lastSent: { ...this.state.lastSent } }; }
    save() { return this.state; }
    load(saved) { this.state = saved; }
}
