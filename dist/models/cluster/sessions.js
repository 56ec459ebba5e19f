/**
 * The leader's session tracker (ZooKeeper's SessionTracker): clients create sessions, each
 * owning ephemeral znodes, and keep them alive with heartbeats. At every tick a session
 * whose last heartbeat is `timeout` ticks old expires, and its ephemeral nodes are deleted.
 *
 * Ghost variables for the properties: `expired` records, per expired session, the tick of
 * expiry; `clientHeard` the tick of each client's last create or heartbeat, kept apart
 * from the tracker's own bookkeeping so a tracker that mishandles heartbeats is caught.
 */
import { assign, emit, setup } from 'xstate';
/** Sessions whose last heartbeat is at least `timeout` ticks before `now`. */
export const dueSessions = (c, now, timeout) => Object.keys(c.open).filter((s) => now - c.open[s].lastHeard >= timeout).sort();
/** The context update that expires `due` (deleting their ephemerals when `deleteEphemerals`). */
export function expireSessions(c, due, deleteEphemerals) {
    if (due.length === 0)
        return {};
    const open = { ...c.open };
    const expired = { ...c.expired };
    const gone = new Set();
    for (const s of due) {
        expired[s] = { at: c.now, lastHeard: open[s].lastHeard };
        for (const e of open[s].ephemerals)
            gone.add(e);
        delete open[s];
    }
    return { open, expired, tree: deleteEphemerals ? c.tree.filter((e) => !gone.has(e)) : c.tree };
}
export const sessionTrackerMachine = setup({
    types: {
        input: {},
        context: {},
        events: {},
        emitted: {},
    },
    guards: {
        isNew: ({ context, event }) => {
            const s = event.session;
            return !(s in context.open) && !(s in context.expired);
        },
        isOpen: ({ context, event }) => event.session in context.open,
    },
    actions: {
        advanceClock: assign({ now: ({ event }) => event.now }),
        /** Expires every due session and deletes its ephemeral nodes. */
        expireDue: assign(({ context }) => expireSessions(context, dueSessions(context, context.now, context.timeout), true)),
        createSession: assign(({ context, event }) => {
            const { session, ephemeral } = event;
            return {
                open: { ...context.open, [session]: { created: context.now, lastHeard: context.now, ephemerals: [ephemeral] } },
                tree: [...context.tree, ephemeral].sort(),
            };
        }),
        heartbeat: assign({
            open: ({ context, event }) => {
                const s = event.session;
                return { ...context.open, [s]: { ...context.open[s], lastHeard: context.now } };
            },
        }),
        noteClient: assign({
            clientHeard: ({ context, event }) => ({ ...context.clientHeard, [event.session]: context.now }),
        }),
        traceHeartbeat: emit(({ event }) => ({ type: 'session', session: event.session, action: 'heartbeat' })),
    },
}).createMachine({
    id: 'cluster-session-tracker',
    context: ({ input }) => ({ timeout: input.timeout, now: 0, open: {}, tree: [], expired: {}, clientHeard: {} }),
    initial: 'tracking',
    states: {
        tracking: {
            on: {
                tick: { actions: ['advanceClock', 'expireDue'] },
                create: { guard: 'isNew', actions: ['createSession', 'noteClient'] },
                heartbeat: { guard: 'isOpen', actions: ['heartbeat', 'noteClient', 'traceHeartbeat'] },
            },
        },
    },
});
