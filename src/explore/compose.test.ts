import { describe, expect, it } from 'vitest';
import { emit, setup } from 'xstate';
import { ComposedSystem } from './compose.ts';
import { search } from './search.ts';
import type { SystemSpec } from './spec.ts';
import { describeStep } from './step.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import { paxosMessageSystem, paxosTlaSystem } from '../../models/paxos/system.ts';
import { clusterSystem } from '../../models/cluster/system.ts';

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

  it('lists each message in views as one frozen object, shared by every view that holds it', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 }));
    const { store } = search(system, { strategy: 'bfs', maxStates: 50 });
    const [a, b] = [system.view(store.read(40)), system.view(store.read(41))];
    const shared = a.messages.find((m) => b.messages.some((n) => n === m));
    expect(shared).toBeDefined();
    expect(Object.isFrozen(shared)).toBe(true);
    expect(() => { (shared as { count: number }).count = 2; }).toThrow(TypeError);
  });

  it('keeps it on a set network too, where steps that change nothing are emitted as the state itself', () => {
    const r = search(new ComposedSystem({ ...spec, network: { kind: 'set' } }), { strategy: 'bfs' });
    expect(r.properties[0].status).toBe('reached');
    expect(r.properties[0].path!.length - 1).toBe(3);
  });
});

/** Trailing zero words do not change a state (the encoding widens as messages are interned). */
const trimmed = (v: Uint32Array) => {
  let end = v.length;
  while (end > 0 && v[end - 1] === 0) end--;
  return Array.from(v.subarray(0, end));
};

/**
 * For every state of a bounded search: `next(s, code)` is the successor `successors(s)`
 * emits with that code, and every code seen anywhere else but not emitted here throws.
 * Returns the step kinds met and how many disabled codes were tried.
 */
function checkNext(system: ComposedSystem, maxStates: number): { kinds: Set<string>; states: number; disabled: number; selfLoops: { asState: number; asCopy: number } } {
  const { store } = search(system, { strategy: 'bfs', maxStates, continueAfterViolation: true });
  const codes = new Set<number>();
  const kinds = new Set<string>();
  let disabled = 0;
  // Self-loops emitted as the state itself (compose.ts keepsState), and as an equal copy.
  const selfLoops = { asState: 0, asCopy: 0 };
  const states = Math.min(store.size, maxStates);
  for (let i = 0; i < states; i++) {
    const s = store.read(i);
    const emitted = new Map<number, number[]>();
    system.successors(s, (code, next) => {
      emitted.set(code, trimmed(next));
      if (next === s) selfLoops.asState++;
      else if (trimmed(next).join() === trimmed(s).join()) selfLoops.asCopy++;
    });
    for (const [code, expected] of emitted) {
      codes.add(code);
      kinds.add(system.decodeStep(code).kind);
      expect(trimmed(system.next(s, code))).toEqual(expected);
    }
    // Every 7th state, every code seen so far that this state does not enable.
    if (i % 7 !== 0) continue;
    for (const code of codes) {
      if (emitted.has(code)) continue;
      disabled++;
      expect(() => system.next(s, code)).toThrow(/is not enabled in this state/);
    }
  }
  return { kinds, states, disabled, selfLoops };
}

describe('next(state, code)', () => {
  it('equals the successor successors() emits, in each of the 3,921 states of Paxos.tla with ballots {0,1}', () => {
    const r = checkNext(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })), 10_000);
    expect(r.states).toBe(3_921);
    expect([...r.kinds].sort()).toEqual(['deliver', 'offer']);
    expect(r.disabled).toBeGreaterThan(1_000);
    // On a set network every self-loop is emitted as the state itself, spared its copy.
    expect(r.selfLoops.asState).toBeGreaterThan(1_000);
    expect(r.selfLoops.asCopy).toBe(0);
  });

  it('equals it for every fault, messages across a cut included (message-passing Paxos, 4,000 states)', () => {
    const spec = paxosMessageSystem({
      acceptors: 3, proposers: 2, learners: 1, rounds: 1,
      network: { loss: 1, duplicate: 1 }, faults: { crashes: 1, restarts: 1, partitions: 1 },
    });
    const r = checkNext(new ComposedSystem(spec), 4_000);
    expect([...r.kinds].sort()).toEqual(['crash', 'deliver', 'duplicate', 'heal', 'lose', 'offer', 'partition', 'restart']);
  });

  it('equals it where a cut drops messages and offers read the whole state (cluster model, 4,000 states)', () => {
    const spec = clusterSystem({ servers: 3, syncLimit: 1, maxTicks: 4, faults: { crashes: 1, restarts: 1, partitions: 1, losses: 1, duplicates: 1, pauses: 0 } });
    const r = checkNext(new ComposedSystem(spec), 4_000);
    expect([...r.kinds].sort()).toEqual(['crash', 'deliver', 'duplicate', 'heal', 'lose', 'offer', 'partition', 'restart']);
  });

  it('throws naming the step when it is disabled: the pong cannot be delivered before the ping', () => {
    const system = new ComposedSystem(spec);
    const init = system.initial();
    const [go] = collect(system, init);
    const afterGo = system.next(init, go);
    const [ping] = collect(system, afterGo);
    const afterPing = system.next(afterGo, ping);
    const [pong] = collect(system, afterPing).filter((c) => system.decodeStep(c).kind === 'deliver');
    expect(describeStep(system.decodeStep(pong))).toBe('c receives pong() from s');
    expect(() => system.next(init, pong)).toThrow('step "c receives pong() from s" is not enabled in this state');
    expect(() => system.next(afterGo, go)).toThrow('step "c takes go()" is not enabled in this state');
  });
});

function collect(system: ComposedSystem, v: Uint32Array): number[] {
  const out: number[] = [];
  system.successors(v, (code) => out.push(code));
  return out;
}

describe("a model's own mistakes are user errors (one line, exit 2), not explorer crashes", () => {
  /** A client that pings on every `go`, without bound, to `to`. */
  const spammer = (to: string) => setup({
    types: { events: {} as { type: 'go' } | { type: 'pong' } },
    actions: { ask: emit({ type: 'send', to: [to], msg: { type: 'ping' } }) },
  }).createMachine({ id: 'spammer', initial: 'up', states: { up: { on: { go: { actions: 'ask' }, pong: {} } } } });
  const withClient = (to: string): SystemSpec => ({ ...spec, actors: [spec.actors[0], { id: 'c', role: 'client', machine: spammer(to), input: {} }] });

  it('a send to a node the system lacks names the sender, the message and the node', () => {
    expect(() => search(new ComposedSystem(withClient('nobody')), { strategy: 'bfs' })).toThrow(new UserError('c sent ping to nobody, which is not an actor of the system', { field: 'system' }));
  });

  it('unbounded sends on a multiset network stop at the 16th copy with the way out', () => {
    // The echo server answers each ping; a lossless multiset then fills up with pings.
    let err: unknown;
    try { search(new ComposedSystem(withClient('s')), { strategy: 'bfs' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^more than 15 copies of one message in flight .*: the model sends without bound; bound its sends or use network kind 'set'$/);
  });
});
