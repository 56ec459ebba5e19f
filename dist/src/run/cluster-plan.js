import { traceHeader } from '../../conformance/schema/header.js';
/** The client's sessions over `ticks` ticks: one long-lived, then short ones that close or die in turn. */
export function clientSessions(ticks, sessionTicks) {
    const sessions = [{ session: 'c1.live', ephemerals: ['/members/c1'], open: 1 }];
    const every = 2 * sessionTicks;
    for (let open = 3, i = 1; open + 4 < ticks; open += every, i++) {
        const ends = open + 4;
        sessions.push(i % 2 === 1
            ? { session: `c1.s${i}`, ephemerals: [`/locks/c1.s${i}`], open, silentAt: ends }
            : { session: `c1.s${i}`, ephemerals: [`/locks/c1.s${i}`], open, closeAt: ends });
    }
    return sessions;
}
export function clusterRunPlan(serverCount, opts) {
    const tickMs = opts.tickMs ?? 100;
    const syncLimit = opts.syncLimit ?? 2;
    const sessionTicks = opts.sessionTicks ?? 10;
    const servers = Array.from({ length: serverCount }, (_, i) => `s${i + 1}`);
    const client = {
        self: 'c1', servers, heartbeatTicks: 2,
        sessions: clientSessions(Math.floor(opts.durationMs / tickMs), sessionTicks),
    };
    const header = traceHeader('cluster', { servers, tickTime: tickMs, syncLimit, sessionTimeout: sessionTicks * tickMs, clients: [client.self] }, { name: 'coordkit run' });
    return {
        protocol: 'cluster', header, periodMs: tickMs,
        nodes: [
            ...servers.map((self) => ({ id: self, role: 'server', input: { self, servers, syncLimit, sessionTicks } })),
            { id: client.self, role: 'client', input: client },
        ],
        victims: servers,
    };
}
