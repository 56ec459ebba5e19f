import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { defineSystem, invariant } from '../api/define-system.ts';
import { ComposedSystem } from './compose.ts';
import { checkLiveness, eventually, leadsTo, type Fairness } from './liveness.ts';
import { search } from './search.ts';

/**
 * A light with a switch: `press` turns it on; `flicker` toggles a ghost bit while off
 * (a cycle that avoids `on`); `break` (only while off) jams the switch for good.
 */
const light = setup({
  types: { context: {} as { on: boolean; bit: number; jammed: boolean }, events: {} as { type: 'press' } | { type: 'flicker' } | { type: 'break' } },
}).createMachine({
  id: 'light', context: { on: false, bit: 0, jammed: false }, initial: 'run',
  states: {
    run: {
      on: {
        press: { guard: ({ context }) => !context.on && !context.jammed, actions: assign({ on: true }) },
        flicker: { guard: ({ context }) => !context.on, actions: assign({ bit: ({ context }) => 1 - context.bit }) },
        break: { guard: ({ context }) => !context.on && !context.jammed, actions: assign({ jammed: true }) },
      },
    },
  },
});

function lightSystem(offers: string[]) {
  return defineSystem({
    name: 'light', actors: [{ id: 'l', role: 'light', machine: light }],
    offers: (ctx) => { for (const t of offers) ctx.offer(t, () => ({ type: t })); },
    properties: [invariant('any', 'anything', () => true)],
  });
}

const isOn = (v: Parameters<Parameters<typeof eventually>[2]>[0]) => (v.actor('l').snapshot.context as { on: boolean }).on;

function live(offers: string[], fairness: Fairness, property = eventually('on', 'the light comes on', isOn)) {
  const system = new ComposedSystem(lightSystem(offers));
  const result = search(system, { strategy: 'bfs' });
  expect(result.complete).toBe(true);
  return checkLiveness(system, result.store, [property], fairness)[0];
}

describe('liveness under weak fairness', () => {
  it('without fairness, a state may stutter forever: eventually(on) fails with a 0-step cycle', () => {
    const r = live(['press'], {});
    expect(r.status).toBe('violated');
    expect(r.lasso).toMatchObject({ loopAt: 0, cycleSteps: 0 });
  });

  it('with press weakly fair, eventually(on) holds (press stays enabled until taken)', () => {
    expect(live(['press'], { offers: ['press'] }).status).toBe('holds');
  });

  it('a flicker cycle is unfair while press stays enabled on it, so eventually(on) still holds', () => {
    expect(live(['press', 'flicker'], { offers: ['press'] }).status).toBe('holds');
  });

  it('once the switch can jam, press is disabled on the flicker cycle: a fair lasso of 1 step then a 2-step cycle', () => {
    const r = live(['press', 'flicker', 'break'], { offers: ['press', 'flicker'] });
    expect(r.status).toBe('violated');
    expect(r.lasso).toMatchObject({ loopAt: 1, cycleSteps: 2 });
    expect(r.counterexample!.steps.map((s) => s.action)).toEqual(['l takes break()', 'l takes flicker()', 'l takes flicker()']);
    expect(r.counterexample!.loop).toEqual({ startSeq: 1, prefixSteps: 1, cycleSteps: 2 });
  });

  it('leadsTo(jammed, on) fails (a jammed light never comes on) while leadsTo(bit=1, on) holds with press fair and no jam', () => {
    const jammed = leadsTo('jam-on', 'a jammed light comes on', (v) => (v.actor('l').snapshot.context as { jammed: boolean }).jammed, isOn);
    expect(live(['press', 'break'], { offers: ['press'] }, jammed).status).toBe('violated');
    const flick = leadsTo('flick-on', 'a flickered light comes on', (v) => (v.actor('l').snapshot.context as { bit: number }).bit === 1, isOn);
    expect(live(['press', 'flicker'], { offers: ['press'] }, flick).status).toBe('holds');
  });

  it('a fair cycle is built greedily: around a 4-state ring it is the 4 steps, not a detour per fair class', () => {
    // go(k) moves k-1 -> k around the ring 0..3 (each a fair class of its own); jump 0 -> 3 is unfair
    // and only reorders the search, so the classes are found out of ring order.
    const ring = setup({ types: { context: {} as { k: number }, events: {} as { type: 'go'; to: number } | { type: 'jump' } } }).createMachine({
      id: 'ring', context: { k: 0 },
      on: { go: { actions: assign({ k: ({ event }) => (event as { to: number }).to }) }, jump: { actions: assign({ k: 3 }) } },
    });
    const system = new ComposedSystem(defineSystem({
      name: 'ring', actors: [{ id: 'r', role: 'ring', machine: ring }],
      offers: (ctx) => {
        const { k } = ctx.snapshot.context as { k: number };
        ctx.offer(`go|${(k + 1) % 4}`, () => ({ type: 'go', to: (k + 1) % 4 }));
        if (k === 0) ctx.offer('jump', () => ({ type: 'jump' }));
      },
      properties: [invariant('any', 'anything', () => true)],
    }));
    const result = search(system, { strategy: 'bfs' });
    const [r] = checkLiveness(system, result.store, [eventually('never', 'never', () => false)], { offers: ['go'] });
    expect(r.lasso).toMatchObject({ loopAt: 0, cycleSteps: 4 });
    expect(r.counterexample!.steps.map((s) => s.action)).toEqual(['r takes go(to=1)', 'r takes go(to=2)', 'r takes go(to=3)', 'r takes go(to=0)']);
  });
});

