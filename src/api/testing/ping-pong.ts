/**
 * A small user system for replay tests: `a` sends numbered pings to `b` (an offered `go`,
 * at most twice) and may `toggle` an idle flag as often as it likes; `b` counts pings,
 * answers each with a pong and decides 'two' on the second. A `clock` environment actor
 * ticks once, silently (it is not a node of traces); `a` may go only after that tick, so
 * every trace with a ping has a step no trace event records.
 *
 * - `at-most-one` (invariant): b received at most one ping. Broken after the second.
 * - `first-ping` (liveness): b eventually receives a ping. Holds when `go` and `tick` are
 *   fair; otherwise `a` may toggle forever.
 * - `ping-arrives` (liveness): once a ping is sent, b receives one. Holds when delivery is
 *   fair; otherwise the ping may wait while `a` toggles forever.
 */
import { assign, emit, setup } from 'xstate';
import { defineSystem, eventually, invariant, leadsTo } from '../../index.ts';
import type { Fairness } from '../../explore/liveness.ts';

type Send = { type: 'send'; to: string[]; msg: { type: 'ping'; n: number } | { type: 'pong' } };

const pinger = setup({
  types: { context: {} as { sent: number; idle: boolean }, events: {} as { type: 'go' } | { type: 'toggle' } | { type: 'pong'; from: string }, emitted: {} as Send },
}).createMachine({
  id: 'pinger', context: { sent: 0, idle: true }, initial: 'ready',
  states: {
    ready: {
      on: {
        go: { guard: ({ context }) => context.sent < 2, actions: [assign({ sent: ({ context }) => context.sent + 1 }), emit(({ context }) => ({ type: 'send' as const, to: ['b'], msg: { type: 'ping' as const, n: context.sent } }))] },
        toggle: { actions: assign({ idle: ({ context }) => !context.idle }) },
        pong: {},
      },
    },
  },
});

const ponger = setup({
  types: { context: {} as { got: number }, events: {} as { type: 'ping'; n: number; from: string }, emitted: {} as Send | { type: 'decide'; value: string } },
}).createMachine({
  id: 'ponger', context: { got: 0 }, initial: 'counting',
  states: {
    counting: {
      on: {
        ping: [
          { guard: ({ context }) => context.got === 1, target: 'done', actions: [assign({ got: 2 }), emit({ type: 'send' as const, to: ['a'], msg: { type: 'pong' as const } }), emit({ type: 'decide' as const, value: 'two' })] },
          { actions: [assign({ got: ({ context }) => context.got + 1 }), emit({ type: 'send' as const, to: ['a'], msg: { type: 'pong' as const } })] },
        ],
      },
    },
    done: {},
  },
});

const clock = setup({ types: { context: {} as { t: number }, events: {} as { type: 'tick' } } }).createMachine({
  id: 'clock', context: { t: 0 }, initial: 'running',
  states: { running: { on: { tick: { guard: ({ context }) => context.t < 1, actions: assign({ t: ({ context }) => context.t + 1 }) } } } },
});

const got = (view: { actor(id: string): { snapshot: { context: unknown } } }) => (view.actor('b').snapshot.context as { got: number }).got;

/** The system; `fairness` defaults to `go` and `tick` being fair (then `first-ping` holds). */
export function pingPong(fairness: Fairness = { offers: ['go', 'tick'] }) {
  return defineSystem({
    name: 'ping-pong',
    actors: [
      { id: 'a', role: 'pinger', machine: pinger },
      { id: 'b', role: 'ponger', machine: ponger },
      { id: 'clock', role: 'clock', machine: clock, environment: true },
    ],
    offers(ctx) {
      if (ctx.actor === 0) {
        if ((ctx.view().actor('clock').snapshot.context as { t: number }).t >= 1) ctx.offer('go', () => ({ type: 'go' }));
        ctx.offer('toggle', () => ({ type: 'toggle' }));
      }
      if (ctx.actor === 2) ctx.offer('tick', () => ({ type: 'tick' }));
    },
    properties: [invariant('at-most-one', 'b receives at most one ping', (view) => got(view) <= 1 || `b received ${got(view)} pings`)],
    liveness: [
      eventually('first-ping', 'b eventually receives a ping', (view) => got(view) >= 1),
      leadsTo('ping-arrives', 'once a ping is sent, b receives one', (view) => (view.actor('a').snapshot.context as { sent: number }).sent >= 1, (view) => got(view) >= 1),
    ],
    fairness,
  });
}

/** As a module for `coordkit check` / `all --system` / `verify --system` (tests load this file). */
export const system = pingPong();
