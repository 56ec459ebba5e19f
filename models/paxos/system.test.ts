import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../src/explore/compose.ts';
import { search } from '../../src/explore/search.ts';
import { counterexample } from '../../src/explore/counterexample.ts';
import { traceEvent, header } from '../../conformance/schema/trace.ts';
import { paxosMessageSystem, paxosTlaSystem } from './system.ts';
import { paxosMutants, findPaxosMutant } from './mutants.ts';

const statusOf = (r: ReturnType<typeof search>, name: string) => r.properties.find((p) => p.name === name)?.status;

describe('Paxos.tla-equivalent system', () => {
  it('reaches exactly the 3,921 distinct states TLC and SPIN report for ballots {0,1}', () => {
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })), { strategy: 'bfs' });
    expect(r.states).toBe(3921);
    expect(r.complete).toBe(true);
    expect(statusOf(r, 'agreement')).toBe('holds');
    expect(statusOf(r, 'validity')).toBe('holds');
    expect(statusOf(r, 'some-value-chosen')).toBe('reached');
  });

  it('finds the same states depth-first as breadth-first', () => {
    const dfs = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })), { strategy: 'dfs' });
    expect(dfs.states).toBe(3921);
  });

  it('with one ballot no two values can ever be chosen, and a single value is', () => {
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 1 })), { strategy: 'bfs' });
    expect(statusOf(r, 'agreement')).toBe('holds');
    expect(statusOf(r, 'some-value-chosen')).toBe('reached');
  });

  it('catches Phase2a without the quorum/value rule with a shortest counterexample', () => {
    const mutant = findPaxosMutant('phase2a-any-value')!;
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines: { proposer: mutant.machine } }));
    const r = search(system, { strategy: 'bfs' });
    const agreement = r.properties.find((p) => p.name === 'agreement')!;
    expect(agreement.status).toBe('violated');
    // Two proposals, each accepted by a quorum of two, plus the two starts: 8 steps, and no shorter one exists.
    expect(agreement.path!.length - 1).toBe(8);
    const short = search(
      new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines: { proposer: mutant.machine } })),
      { strategy: 'bfs', maxDepth: 7 },
    );
    expect(statusOf(short, 'agreement')).toBe('holds');

    const cx = counterexample(system, r.store, agreement.path!);
    expect(header.safeParse(cx.header).success).toBe(true);
    for (const e of cx.events) expect(traceEvent.safeParse(e).success).toBe(true);
    expect(cx.steps).toHaveLength(8);
    expect(cx.events.filter((e) => e.kind === 'send' && e.msg.type === 'accept').map((e) => (e as { msg: { value: string } }).msg.value).sort()).toEqual(['v1', 'v2']);
  });

  it('stops at the depth bound and says the search is incomplete', () => {
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })), { strategy: 'bfs', maxDepth: 3 });
    expect(r.complete).toBe(false);
    expect(r.depth).toBe(3);
  });

  it('has no deadlock: as in TLC, Phase2b stays enabled (re-accepting is a step back to the same state)', () => {
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 1, ballots: 1 })), { strategy: 'bfs', deadlock: true });
    expect(statusOf(r, 'deadlock-free')).toBe('holds');
  });
});

describe('message-passing system', () => {
  const base = { acceptors: 3, proposers: 2, learners: 1, rounds: 1, network: { loss: 0, duplicate: 0 }, faults: { crashes: 0, restarts: 0, partitions: 0 } };

  it('keeps agreement, validity and learner safety, and can decide', () => {
    const r = search(new ComposedSystem(paxosMessageSystem(base)), { strategy: 'bfs' });
    for (const p of ['agreement', 'validity', 'learners-decide-chosen']) expect(statusOf(r, p)).toBe('holds');
    expect(statusOf(r, 'some-value-chosen')).toBe('reached');
  });

  it.each(paxosMutants.filter((m) => m.name !== 'phase2a-any-value').map((m) => [m.name, m]))(
    'catches the mutant %s',
    (_name, mutant) => {
      const spec = paxosMessageSystem({ ...base, rounds: 2, machines: { [mutant.role]: mutant.machine } });
      const r = search(new ComposedSystem(spec), { strategy: 'bfs' });
      expect(statusOf(r, 'agreement')).toBe('violated');
    },
  );

  it('reports the end of a message-passing run as a deadlock when asked: every message is consumed', () => {
    const r = search(new ComposedSystem(paxosMessageSystem({ ...base, proposers: 1 })), { strategy: 'bfs', deadlock: true });
    const d = r.properties.find((p) => p.name === 'deadlock-free')!;
    expect(d.status).toBe('violated');
    expect(d.path!.length).toBeGreaterThan(1);
  });

  it('loses and duplicates messages only within the budget, and crashes stop a node', () => {
    const lossy = search(new ComposedSystem(paxosMessageSystem({ ...base, proposers: 1, network: { loss: 1, duplicate: 1 }, faults: { crashes: 1, restarts: 0, partitions: 0 } })), { strategy: 'bfs' });
    const clean = search(new ComposedSystem(paxosMessageSystem({ ...base, proposers: 1 })), { strategy: 'bfs' });
    expect(lossy.states).toBeGreaterThan(clean.states);
    expect(statusOf(lossy, 'agreement')).toBe('holds');
  });
});
