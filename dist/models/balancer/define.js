/**
 * The shape every balancer specification shares: states `serving` and `empty`, events
 * PICK / DONE / MEMBERSHIP, decisions emitted as `pick` events. Each policy supplies only
 * its choice (under its own action name, so diagrams show it) and what a membership
 * change does to its state.
 */
import { assign, emit, setup } from 'xstate';
export function defineBalancer(spec) {
    const pickActions = spec.tracksLoad ? [spec.chooseAction, 'countInflight', 'emitPick'] : [spec.chooseAction, 'emitPick'];
    return setup({
        types: {
            context: {},
            events: {},
            input: {},
            emitted: {},
        },
        guards: {
            noBackends: ({ context }) => context.backends.length === 0,
            leavesNoBackends: ({ event }) => event.type === 'MEMBERSHIP' && event.backends.length === 0,
            bringsBackends: ({ event }) => event.type === 'MEMBERSHIP' && event.backends.length > 0,
        },
        actions: {
            [spec.chooseAction]: assign(({ context, event }) => {
                if (event.type !== 'PICK')
                    return {};
                const c = spec.choose(context, event);
                const lastPick = { type: 'pick', request: event.request, backend: c.backend, ...(c.candidates ? { candidates: c.candidates } : {}) };
                return { ...c.patch, lastPick };
            }),
            countInflight: assign(({ context }) => {
                const p = context.lastPick;
                return {
                    inflight: { ...context.inflight, [p.backend]: (context.inflight[p.backend] ?? 0) + 1 },
                    open: { ...context.open, [p.request]: p.backend },
                };
            }),
            releaseInflight: assign(({ context, event }) => {
                if (event.type !== 'DONE')
                    return {};
                const backend = context.open[event.request];
                if (backend === undefined)
                    return {};
                const { [event.request]: _, ...open } = context.open;
                return { open, inflight: { ...context.inflight, [backend]: context.inflight[backend] - 1 } };
            }),
            emitPick: emit(({ context }) => context.lastPick),
            emitRejected: emit(({ event }) => ({ type: 'rejected', request: event.type === 'PICK' ? event.request : '' })),
            applyMembership: assign(({ context, event }) => {
                if (event.type !== 'MEMBERSHIP')
                    return {};
                // A policy may reorder the backends (round robin keeps survivors' order).
                return { backends: event.backends, ...spec.onMembership?.(context, event.backends) };
            }),
        },
    }).createMachine({
        id: spec.id,
        description: spec.description,
        context: ({ input }) => ({
            backends: input.backends, cursor: 0, rng: (input.seed ?? 0) >>> 0,
            current: input.backends.map(() => 0), inflight: {}, open: {}, lastPick: null,
        }),
        initial: 'serving',
        states: {
            serving: {
                always: { guard: 'noBackends', target: 'empty' },
                on: {
                    PICK: { actions: pickActions },
                    DONE: { actions: spec.tracksLoad ? 'releaseInflight' : [] },
                    MEMBERSHIP: [
                        { guard: 'leavesNoBackends', target: 'empty', actions: 'applyMembership' },
                        { actions: 'applyMembership' },
                    ],
                },
            },
            empty: {
                on: {
                    PICK: { actions: 'emitRejected' },
                    DONE: { actions: spec.tracksLoad ? 'releaseInflight' : [] },
                    MEMBERSHIP: { guard: 'bringsBackends', target: 'serving', actions: 'applyMembership' },
                },
            },
        },
    });
}
