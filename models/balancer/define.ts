/**
 * The shape every balancer specification shares: states `serving` and `empty`, events
 * PICK / DONE / MEMBERSHIP, decisions emitted as `pick` events. Each policy supplies only
 * its choice (under its own action name, so diagrams show it) and what a membership
 * change does to its state.
 */
import { assign, emit, setup } from 'xstate';
import type { HashName } from './hash-functions.ts';

export interface Backend { id: string; weight: number }

export type BalancerEvent =
  | { type: 'PICK'; request: string; key?: string }
  | { type: 'DONE'; request: string }
  | { type: 'MEMBERSHIP'; backends: Backend[] };

export interface PickEmitted { type: 'pick'; request: string; backend: string; candidates?: [string, string] }
export type BalancerEmitted = PickEmitted | { type: 'rejected'; request: string };

export interface BalancerInput { backends: Backend[]; seed?: number; /** Hash policies' key hash (default fnv1a-fmix32). */ hash?: HashName }

/** One context for all policies; each reads the fields it needs. */
export interface BalancerContext {
  backends: Backend[];
  /** Round robin: index of the next backend. */
  cursor: number;
  /** PRNG state (mulberry32), so random choices (random, P2C, least-connections ties) are deterministic and explorable. */
  rng: number;
  /** Smooth WRR: current score per backend, parallel to `backends`. */
  current: number[];
  /** In-flight requests per backend, and which backend each open request went to. */
  inflight: Record<string, number>;
  open: Record<string, string>;
  lastPick: PickEmitted | null;
  /** Hash policies: the key hash function's name (configuration, never changes). */
  hash: HashName;
}

export interface Choice { backend: string; candidates?: [string, string]; patch?: Partial<BalancerContext> }

export interface PolicySpec {
  id: string;
  description: string;
  /** Name of the choosing action, e.g. 'advanceCursor'. */
  chooseAction: string;
  choose(context: BalancerContext, event: { request: string; key?: string }): Choice;
  /** What a membership change does beyond replacing the backends. */
  onMembership?(context: BalancerContext, next: Backend[]): Partial<BalancerContext>;
  /** Whether the policy counts in-flight requests. */
  tracksLoad?: boolean;
}

export function defineBalancer(spec: PolicySpec) {
  const pickActions = spec.tracksLoad ? [spec.chooseAction, 'countInflight', 'emitPick'] : [spec.chooseAction, 'emitPick'];
  return setup({
    types: {
      context: {} as BalancerContext,
      events: {} as BalancerEvent,
      input: {} as BalancerInput,
      emitted: {} as BalancerEmitted,
    },
    guards: {
      noBackends: ({ context }) => context.backends.length === 0,
      leavesNoBackends: ({ event }) => event.type === 'MEMBERSHIP' && event.backends.length === 0,
      bringsBackends: ({ event }) => event.type === 'MEMBERSHIP' && event.backends.length > 0,
    },
    actions: {
      [spec.chooseAction]: assign(({ context, event }) => {
        if (event.type !== 'PICK') return {};
        const c = spec.choose(context, event);
        const lastPick: PickEmitted = { type: 'pick', request: event.request, backend: c.backend, ...(c.candidates ? { candidates: c.candidates } : {}) };
        return { ...c.patch, lastPick };
      }),
      countInflight: assign(({ context }) => {
        const p = context.lastPick!;
        return {
          inflight: { ...context.inflight, [p.backend]: (context.inflight[p.backend] ?? 0) + 1 },
          open: { ...context.open, [p.request]: p.backend },
        };
      }),
      releaseInflight: assign(({ context, event }) => {
        if (event.type !== 'DONE') return {};
        const backend = context.open[event.request];
        if (backend === undefined) return {};
        const { [event.request]: _, ...open } = context.open;
        return { open, inflight: { ...context.inflight, [backend]: context.inflight[backend] - 1 } };
      }),
      emitPick: emit(({ context }) => context.lastPick!),
      emitRejected: emit(({ event }) => ({ type: 'rejected' as const, request: event.type === 'PICK' ? event.request : '' })),
      applyMembership: assign(({ context, event }) => {
        if (event.type !== 'MEMBERSHIP') return {};
        // A policy may reorder the backends (round robin keeps survivors' order).
        return { backends: event.backends, ...spec.onMembership?.(context, event.backends) };
      }),
    },
  }).createMachine({
    id: spec.id,
    description: spec.description,
    context: ({ input }) => ({
      backends: input.backends, cursor: 0, rng: (input.seed ?? 0) >>> 0,
      current: input.backends.map(() => 0), inflight: {}, open: {}, lastPick: null, hash: input.hash ?? 'fnv1a-fmix32',
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

export type BalancerMachine = ReturnType<typeof defineBalancer>;
