/**
 * The cluster's environment: the global clock, the pause scheduler and the fault monitor.
 * It is an explorer actor marked `environment` (never crashed, never cut off).
 *
 * - Clock: `advance` moves global time from `now` to `now + 1`. The system offers it only
 *   at the end of a synchronous round (every live, running server has ticked to `now`
 *   and no deliverable message is in flight) and only while `now < maxTicks`.
 * - Pause: a paused server is offered no ticks (it stops ticking but still answers).
 * - Monitor: at each advance it learns the explorer's fault count and which servers are
 *   crashed, and records when the last fault happened (`lastFault`) and when each crashed
 *   server went down (`crashedAt`), which the timing properties read.
 */
import { assign, setup } from 'xstate';
export const environmentMachine = setup({
    types: {
        input: {},
        context: {},
        events: {},
    },
    guards: {
        timeLeft: ({ context }) => context.now < context.maxTicks,
        canPause: ({ context, event }) => context.pausesLeft > 0 && !context.paused.includes(event.server),
        isPaused: ({ context, event }) => context.paused.includes(event.server),
    },
    actions: {
        /** Dates faults that happened during the round that ends now. */
        recordFaults: assign(({ context, event }) => {
            const { faults, crashed } = event;
            const crashedAt = {};
            for (const s of crashed)
                crashedAt[s] = context.crashedAt[s] ?? context.now;
            return faults === context.faultsSeen ? { crashedAt } : { crashedAt, faultsSeen: faults, lastFault: context.now };
        }),
        advanceClock: assign({ now: ({ context }) => context.now + 1 }),
        pauseServer: assign(({ context, event }) => ({
            paused: [...context.paused, event.server].sort(),
            pausesLeft: context.pausesLeft - 1,
            lastFault: context.now,
        })),
        resumeServer: assign(({ context, event }) => ({
            paused: context.paused.filter((s) => s !== event.server),
            lastFault: context.now,
        })),
    },
}).createMachine({
    id: 'cluster-environment',
    context: ({ input }) => ({
        servers: input.servers, maxTicks: input.maxTicks, now: 0, pausesLeft: input.pauses, paused: [],
        faultsSeen: 0, lastFault: 0, crashedAt: {},
    }),
    initial: 'running',
    states: {
        running: {
            on: {
                advance: { guard: 'timeLeft', actions: ['recordFaults', 'advanceClock'] },
                pause: { guard: 'canPause', actions: 'pauseServer' },
                resume: { guard: 'isPaused', actions: 'resumeServer' },
            },
        },
    },
});
