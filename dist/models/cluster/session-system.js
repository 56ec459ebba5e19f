import { sessionTrackerMachine } from './sessions.js';
import { traceHeader } from '../../conformance/schema/header.js';
const TRACKER = 'leader';
export function sessionSystem(cfg) {
    if (cfg.timeout < 1)
        throw new Error(`session timeout must be at least 1 tick, got ${cfg.timeout}`);
    const sessions = Array.from({ length: cfg.sessions }, (_, i) => `c${i + 1}`);
    const offers = (ctx) => {
        const c = ctx.snapshot.context;
        if (c.now < cfg.maxTicks)
            ctx.offer(`tick|${c.now + 1}`, () => ({ type: 'tick', now: c.now + 1 }));
        for (const s of sessions) {
            if (s in c.open)
                ctx.offer(`heartbeat|${s}`, () => ({ type: 'heartbeat', session: s }));
            else if (!(s in c.expired))
                ctx.offer(`create|${s}`, () => ({ type: 'create', session: s, ephemeral: `/ephemeral-${s}` }));
        }
    };
    return {
        name: `sessions(sessions=${cfg.sessions}, timeout=${cfg.timeout}, maxTicks=${cfg.maxTicks})`,
        actors: [{ id: TRACKER, role: 'session-tracker', machine: cfg.tracker ?? sessionTrackerMachine, input: { timeout: cfg.timeout }, receives: [] }],
        network: { kind: 'multiset', loss: 0, duplicate: 0 },
        faults: { crashes: 0, restarts: 0, partitions: 0 },
        offers,
        properties: sessionProperties(cfg.timeout),
        traceHeader: () => traceHeader('cluster', {
            servers: [TRACKER], tickTime: cfg.tickTime ?? 1000, syncLimit: 1,
            sessionTimeout: cfg.timeout * (cfg.tickTime ?? 1000), clients: sessions,
        }, { name: 'coordkit explore' }),
    };
}
const trackerOf = (view) => view.actor(TRACKER).snapshot.context;
export function sessionProperties(timeout) {
    return [
        {
            kind: 'invariant', name: 'session-not-expired-late',
            description: `an open session has heard a heartbeat within the last ${timeout} ticks (timeout)`,
            check: (view) => {
                const t = trackerOf(view);
                for (const s of Object.keys(t.open)) {
                    const heard = t.clientHeard[s];
                    if (t.now - heard >= timeout)
                        return `session ${s} is still open at tick ${t.now}, last heartbeat at ${heard}, timeout ${timeout}`;
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'session-not-expired-early',
            description: `a session expires only once exactly ${timeout} ticks passed without a heartbeat`,
            check: (view) => {
                const t = trackerOf(view);
                for (const [s, e] of Object.entries(t.expired)) {
                    const heard = t.clientHeard[s];
                    if (e.at - heard !== timeout)
                        return `session ${s} expired at tick ${e.at}, ${e.at - heard} ticks after its last heartbeat (timeout ${timeout})`;
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'ephemerals-follow-sessions',
            description: 'an ephemeral node exists exactly while its session is open',
            check: (view) => {
                const t = trackerOf(view);
                const owned = new Set(Object.values(t.open).flatMap((o) => o.ephemerals));
                for (const e of t.tree)
                    if (!owned.has(e))
                        return `ephemeral node ${e} outlived its session`;
                for (const e of owned)
                    if (!t.tree.includes(e))
                        return `ephemeral node ${e} is missing while its session is open`;
                return true;
            },
        },
        {
            kind: 'reachable', name: 'session-expired', description: 'some session expires',
            reached: (view) => Object.keys(trackerOf(view).expired).length > 0,
        },
        {
            kind: 'reachable', name: 'session-kept-alive', description: `some session stays open longer than its timeout thanks to heartbeats`,
            reached: (view) => {
                const t = trackerOf(view);
                return Object.values(t.open).some((o) => t.now - o.created > timeout);
            },
        },
    ];
}
