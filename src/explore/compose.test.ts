import { describe, expect, it } from 'vitest';
import { emit, setup } from 'xstate';
import { ComposedSystem } from './compose.ts';
import { search } from './search.ts';
import type { SystemSpec } from './spec.ts';

/** An echo server whose only response to a ping is to emit a pong: no state change. */
const echo = setup({
  types: { events: {} as { type: 'ping'; from: string } },
  actions: { answer: emit(({ event }) => ({ type: 'send', to: [event.from], msg: { type: 'pong' } })) },
}).createMachine({ id: 'echo', initial: 'up', states: { up: { on: { ping: { actions: 'answer' } } } } });

const client = setup({
  types: { events: {} as { type: 'pong' } | { type: 'go' } },
  actions: { ask: emit({ type: 'send', to: ['s'], msg: { type: 'ping' } }) },
}).createMachine({ id: 'client', initial: 'idle', states: { idle: { on: { go: { target: 'waiting', actions: 'ask' } } }, waiting: { on: { pong: 'done' } }, done: {} } });

const spec: SystemSpec = {
  name: 'echo',
  actors: [
    { id: 's', role: 'server', machine: echo, input: {} },
    { id: 'c', role: 'client', machine: client, input: {} },
  ],
  network: { kind: 'multiset', loss: 0, duplicate: 0 },
  faults: { crashes: 0, restarts: 0, partitions: 0 },
  offers: (ctx) => ctx.offer('go', () => ({ type: 'go' })),
  properties: [{
    kind: 'reachable', name: 'answered', description: 'the client gets its pong',
    reached: (v) => v.actor('c').snapshot.value === 'done',
  }],
  traceHeader: () => { throw new Error('unused'); },
};

describe('composition', () => {
  it('keeps a step whose only effect is a message (XState returns the same snapshot for it)', () => {
    const r = search(new ComposedSystem(spec), { strategy: 'bfs' });
    expect(r.properties[0].status).toBe('reached');
    expect(r.properties[0].path!.length - 1).toBe(3); // go, ping delivered (echo), pong delivered
  });
});
