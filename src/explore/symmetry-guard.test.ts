import { describe, expect, it } from 'vitest';
import { assign, emit, setup } from 'xstate';
import { UserError } from '../../conformance/schema/user-error.ts';
import { paxosTlaSystem } from '../../models/paxos/system.ts';
import { ComposedSystem } from './compose.ts';
import { search } from './search.ts';
import type { SystemSpec } from './spec.ts';
import { checkDeclaredSymmetry } from './symmetry-guard.ts';
import { SymmetryTables } from './symmetry-tables.ts';

/** The system and the tables the guard checks it with, as a search builds them. */
const guarded = (spec: SystemSpec): [ComposedSystem, SymmetryTables] => {
  const system = new ComposedSystem(spec);
  return [system, new SymmetryTables(system, spec.symmetry!)];
};

/**
 * A lock server that queues the clients waiting for it, first come first served, and two
 * interchangeable clients. Kept as an array, the queue is an ordered list that the
 * renaming treats as a set whenever it happens to be sorted (['c1', 'c2'] stays
 * ['c1', 'c2'] under c1↔c2): not a symmetry of the system. Kept as an object keyed by
 * position, it is renamed element by element: a true symmetry.
 */
type Send = { type: 'send'; to: string[]; msg: { type: string } };

function lockSystem(queueAs: 'array' | 'object'): SystemSpec {
  type Queue = string[] | Record<string, string>;
  const items = (q: Queue) => (Array.isArray(q) ? q : Object.values(q));
  const make = (xs: string[]): Queue => (queueAs === 'array' ? xs : Object.fromEntries(xs.map((x, i) => [i, x])));
  const server = setup({
    types: { context: {} as { owner: string | null; queue: Queue }, events: {} as { type: 'acquire' | 'release'; from: string }, emitted: {} as Send },
  }).createMachine({
    id: 'server', context: { owner: null, queue: make([]) }, initial: 'up',
    states: {
      up: {
        on: {
          acquire: [
            { guard: ({ context }) => context.owner === null, actions: [assign({ owner: ({ event }) => event.from }), emit(({ event }) => ({ type: 'send', to: [event.from], msg: { type: 'grant' } }))] },
            { actions: assign({ queue: ({ context, event }) => make([...items(context.queue), event.from]) }) },
          ],
          release: [
            {
              guard: ({ context }) => items(context.queue).length > 0,
              actions: [
                emit(({ context }) => ({ type: 'send', to: [items(context.queue)[0]], msg: { type: 'grant' } })),
                assign(({ context }) => ({ owner: items(context.queue)[0], queue: make(items(context.queue).slice(1)) })),
              ],
            },
            { actions: assign({ owner: null }) },
          ],
        },
      },
    },
  });
  const client = setup({ types: { events: {} as { type: 'want' } | { type: 'grant' } | { type: 'exit' }, emitted: {} as Send } }).createMachine({
    id: 'client', initial: 'idle',
    states: {
      idle: { on: { want: { target: 'waiting', actions: emit({ type: 'send', to: ['s'], msg: { type: 'acquire' } }) } } },
      waiting: { on: { grant: 'critical' } },
      critical: { on: { exit: { target: 'idle', actions: emit({ type: 'send', to: ['s'], msg: { type: 'release' } }) } } },
    },
  });
  const clients = ['c1', 'c2', 'c3'];
  return {
    name: `lock(queue as ${queueAs})`,
    actors: [{ id: 's', role: 'server', machine: server, input: {} }, ...clients.map((id) => ({ id, role: 'client', machine: client, input: {} }))],
    network: { kind: 'multiset', loss: 0, duplicate: 0 },
    faults: { crashes: 0, restarts: 0, partitions: 0 },
    offers: (ctx) => {
      if (ctx.actor === 0) return; // the server only answers messages
      if (ctx.snapshot.value === 'idle') ctx.offer('want', () => ({ type: 'want' }));
      if (ctx.snapshot.value === 'critical') ctx.offer('exit', () => ({ type: 'exit' }));
    },
    properties: [],
    symmetry: [clients],
    traceHeader: () => { throw new Error('unused'); },
  };
}

describe('the declared-symmetry spot-check', () => {
  it('Paxos.tla (acceptors and values interchangeable) passes', () => {
    const spec = paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 });
    expect(() => checkDeclaredSymmetry(...guarded(spec))).not.toThrow();
  });

  it('a FIFO queue kept as an array is caught, naming the renaming and the step', () => {
    const spec = lockSystem('array');
    expect(() => checkDeclaredSymmetry(...guarded(spec))).toThrow(UserError);
    expect(() => search(new ComposedSystem(spec), { strategy: 'bfs', symmetry: true }))
      .toThrow(/^the declared symmetry does not hold: in a state \d+ step\(s\) from the start, under the renaming c\S+→c\S+.*, the (step|renamed state has a step) "/);
  });

  it('the same queue kept as an object keyed by position passes, and reduction then adds up to the plain count', () => {
    const spec = lockSystem('object');
    expect(() => checkDeclaredSymmetry(...guarded(spec))).not.toThrow();
    const plain = search(new ComposedSystem(spec), { strategy: 'bfs' });
    const reduced = search(new ComposedSystem(spec), { strategy: 'bfs', symmetry: true });
    expect(reduced.statesUnreduced).toBe(plain.states);
    expect(reduced.states).toBeLessThan(plain.states);
  });
});
