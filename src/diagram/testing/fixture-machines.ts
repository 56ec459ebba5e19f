/**
 * Small machines that use every statechart feature the diagram renderers handle:
 * nested and parallel states, history, final states, guards (named, parameterized,
 * combined, inline), named and built-in actions, `always` and `after` transitions.
 */
import { and, assign, not, setup } from 'xstate';

export const featureMachine = setup({
  types: {} as { context: { n: number }; events: { type: 'GO' } | { type: 'STOP' } | { type: 'RESET' } },
  guards: { isOk: () => true, above: (_, params: { k: number }) => params.k > 0 },
  actions: { log: () => {}, bump: assign({ n: ({ context }) => context.n + 1 }) },
  delays: { T: 100 },
}).createMachine({
  id: 'feature',
  initial: 'idle',
  context: { n: 0 },
  on: { RESET: '.idle' },
  states: {
    idle: {
      on: {
        GO: [
          { target: 'run', guard: 'isOk', actions: ['log', 'bump'] },
          { target: 'done', guard: { type: 'above', params: { k: 1 } } },
        ],
        STOP: { actions: 'log' },
      },
    },
    run: {
      initial: 'a',
      on: { STOP: '.a' },
      states: {
        a: { after: { 500: 'b', T: { target: 'b', guard: and(['isOk', not('isOk')]) } } },
        b: { always: [{ target: '#feature.both', guard: 'isOk', actions: assign({ n: 0 }) }] },
      },
    },
    both: {
      type: 'parallel',
      states: {
        left: { initial: 'l1', states: { l1: { on: { GO: 'l2' } }, l2: {} } },
        right: { initial: 'r1', states: { r1: {}, hist: { type: 'history' } } },
      },
      on: { STOP: '#feature.done' },
    },
    done: { type: 'final' },
  },
});

/** A flat two-state machine with awkward names: quotes, brackets, colons, unicode. */
export const awkwardMachine = setup({
  types: {} as { events: { type: 'say "hi"; [now]' } | { type: 'π → ∞ #1' } },
  guards: { 'ok?<yes>': () => true },
  actions: { 'a:b{c}': () => {} },
}).createMachine({
  id: 'awk "ward"',
  initial: 'start [0]',
  states: {
    'start [0]': { on: { 'say "hi"; [now]': { target: 'end: «fin»', guard: 'ok?<yes>', actions: 'a:b{c}' } } },
    'end: «fin»': { on: { 'π → ∞ #1': 'start [0]' } },
  },
});
