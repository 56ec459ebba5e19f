/**
 * The cluster's environment: the global clock, the pause scheduler and the fault monitor.
 * It is an explorer actor marked `environment` (never crashed, never cut off).
 *
 * - Clock: `advance` moves global time from `now` to `now + 1`. The system offers it only
 *   at the end of a synchronous round (every live, running server has ticked to `now`
 *   and no deliverable message is in flight) and only while `now < maxTicks`.
 * - Open clock (opt-in, for liveness): time never stops. At `now = maxTicks` an `advance`
 *   starts a *rebase* instead: every up server, then the environment, takes `rebase`,
 *   which moves each stored tick back by one (floored at 0), so the next round is again
 *   `maxTicks`. Times are then relative to the current round; a time older than
 *   `maxTicks` rounds reads 0, which every timer treats like the true, older time as long
 *   as `maxTicks` exceeds every threshold compared against (system.ts checks this).
 * - Pause: a paused server is offered no ticks (it stops ticking but still answers).
 * - Monitor: at each advance it learns the explorer's fault count and which servers are
 *   crashed, and records when the last fault happened (`lastFault`) and when each crashed
 *   server went down (`crashedAt`), which the timing properties read.
 */
import { assign, setup } from 'xstate';
import { rebased, type ServerId, type Tick } from './types.ts';

export interface EnvironmentInput {
  servers: ServerId[];
  maxTicks: number;
  /** How many pauses a run may contain. */
  pauses: number;
  /** Time never stops: at `maxTicks` the clock rebases instead of stopping (see above). */
  openClock?: boolean;
}

export interface EnvironmentContext {
  servers: ServerId[];
  maxTicks: number;
  now: Tick;
  pausesLeft: number;
  paused: ServerId[];
  /** The explorer's fault count (crashes, restarts, cuts, heals, losses, duplicates) at the last advance. */
  faultsSeen: number;
  /** The round in which the last fault (including a pause or resume) happened; 0 = the start. */
  lastFault: Tick;
  /** Crashed servers -> the round in which they crashed. */
  crashedAt: Record<ServerId, Tick>;
  /** Open clock only: true from the `advance` at `maxTicks` until the environment's own `rebase`. */
  rebasing?: boolean;
}

export type EnvironmentEvent =
  | { type: 'advance'; faults: number; crashed: ServerId[] }
  | { type: 'pause'; server: ServerId }
  | { type: 'resume'; server: ServerId }
  | { type: 'rebase' };

export const environmentMachine = setup({
  types: {
    input: {} as EnvironmentInput,
    context: {} as EnvironmentContext,
    events: {} as EnvironmentEvent,
  },
  guards: {
    timeLeft: ({ context }) => context.now < context.maxTicks,
    clockOpen: ({ context }) => context.rebasing === false,
    rebasing: ({ context }) => context.rebasing === true,
    canPause: ({ context, event }) =>
      context.pausesLeft > 0 && !context.paused.includes((event as { server: ServerId }).server),
    isPaused: ({ context, event }) => context.paused.includes((event as { server: ServerId }).server),
  },
  actions: {
    /** Dates faults that happened during the round that ends now. */
    recordFaults: assign(({ context, event }) => {
      const { faults, crashed } = event as Extract<EnvironmentEvent, { type: 'advance' }>;
      const crashedAt: Record<ServerId, Tick> = {};
      for (const s of crashed) crashedAt[s] = context.crashedAt[s] ?? context.now;
      return faults === context.faultsSeen ? { crashedAt } : { crashedAt, faultsSeen: faults, lastFault: context.now };
    }),
    advanceClock: assign({ now: ({ context }) => context.now + 1 }),
    startRebase: assign({ rebasing: true }),
    /** The last step of a rebase (the servers have taken theirs): the monitor's dates move back by one. */
    rebaseDates: assign(({ context }) => ({
      rebasing: false,
      lastFault: rebased(context.lastFault),
      crashedAt: Object.fromEntries(Object.entries(context.crashedAt).map(([s, t]) => [s, rebased(t)])),
    })),
    pauseServer: assign(({ context, event }) => ({
      paused: [...context.paused, (event as { server: ServerId }).server].sort(),
      pausesLeft: context.pausesLeft - 1,
      lastFault: context.now,
    })),
    resumeServer: assign(({ context, event }) => ({
      paused: context.paused.filter((s) => s !== (event as { server: ServerId }).server),
      lastFault: context.now,
    })),
  },
}).createMachine({
  id: 'cluster-environment',
  context: ({ input }) => ({
    servers: input.servers, maxTicks: input.maxTicks, now: 0, pausesLeft: input.pauses, paused: [],
    faultsSeen: 0, lastFault: 0, crashedAt: {},
    // Only an open clock has the field, so bounded runs keep their exact snapshots.
    ...(input.openClock ? { rebasing: false } : {}),
  }),
  initial: 'running',
  states: {
    running: {
      on: {
        advance: [
          { guard: 'timeLeft', actions: ['recordFaults', 'advanceClock'] },
          { guard: 'clockOpen', actions: ['recordFaults', 'startRebase'] },
        ],
        rebase: { guard: 'rebasing', actions: 'rebaseDates' },
        pause: { guard: 'canPause', actions: 'pauseServer' },
        resume: { guard: 'isPaused', actions: 'resumeServer' },
      },
    },
  },
});
