import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { paxosMessageSystem, paxosTlaSystem } from '../../models/paxos/system.ts';
import { findPaxosMutant } from '../../models/paxos/mutants.ts';
import { verifyTrace } from '../../conformance/checkers/run.ts';
import { ComposedSystem } from './compose.ts';
import { counterexample } from './counterexample.ts';
import { search, type SearchResult } from './search.ts';
import { canonicalForm, rename, renamings, SymmetryReducer } from './symmetry.ts';
import { SortedSymmetryReducer } from './symmetry-sorted.ts';
import type { Fingerprint } from './fingerprint.ts';

const tla = (ballots: number) => new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots }));
const acceptors = ['a1', 'a2', 'a3'];
const values = ['v1', 'v2'];

/** A random walk from the initial state; each step picks a successor by `choices`. */
function walk(system: ComposedSystem, choices: number[]): Uint32Array[] {
  const states = [system.initial()];
  for (const choice of choices) {
    const next: Uint32Array[] = [];
    system.successors(states.at(-1)!, (_, v) => next.push(v.slice()));
    if (next.length === 0) break;
    states.push(next[choice % next.length]);
  }
  return states;
}

const choices = fc.noBias(fc.array(fc.nat(1 << 16), { minLength: 1, maxLength: 24 }));
const same = (a: Fingerprint, b: Fingerprint) => a.hi === b.hi && a.lo === b.lo;

/**
 * Whether `states` is a path of the unreduced system: each state a successor of the one
 * before it, by the recorded action, under `successors` (which knows nothing of the
 * reduction). It runs on the searched system, whose interning tables give the ids meaning.
 */
function replays(system: ComposedSystem, states: Uint32Array[], actions: number[]): boolean {
  const equal = (a: Uint32Array, b: Uint32Array) => Array.from({ length: Math.max(a.length, b.length) }, (_, k) => k).every((k) => (a[k] ?? 0) === (b[k] ?? 0));
  if (!equal(states[0], system.initial())) return false;
  return states.slice(1).every((s, k) => {
    let found = false;
    system.successors(states[k], (action, v) => { found ||= action === actions[k + 1] && equal(v, s); });
    return found;
  });
}

describe('symmetry reduction', () => {
  it('explores one state per orbit, and the orbits add up to the unreduced count (3,921)', () => {
    const reduced = search(tla(2), { strategy: 'bfs', symmetry: true });
    expect(reduced.symmetryGroup).toBe(12);
    expect(reduced.states).toBe(443);
    expect(reduced.statesUnreduced).toBe(3921);
    expect(reduced.properties.map((p) => p.status)).toEqual(['holds', 'holds', 'holds', 'reached']);
  });

  it('on ballots {0,1,2} explores 17,153 orbits whose sizes add up to 185,369', () => {
    const reduced = search(tla(3), { strategy: 'bfs', symmetry: true });
    expect([reduced.states, reduced.statesUnreduced, reduced.complete]).toEqual([17_153, 185_369, true]);
    // The queue's bytes: the store, and the images kept for states not yet expanded (2 x 12 words each, some of them).
    const plain = search(tla(3), { strategy: 'bfs' });
    expect(plain.queueBytes).toBe(plain.store.bytes);
    expect(reduced.queueBytes).toBeGreaterThan(reduced.store.bytes + 1024 * 24 * 4);
  });

  // Paxos.tla has a set network and no faults; these reach the other keys a successor's
  // images are updated by: copy counts of a multiset, crashed and cut actors, restarts.
  it.each([
    { label: 'a crash, a restart and a cut', faults: { crashes: 1, restarts: 1, partitions: 1 }, network: { loss: 0, duplicate: 0 }, states: 45_407 },
    { label: 'a cut and a duplicated message', faults: { crashes: 0, restarts: 0, partitions: 1 }, network: { loss: 0, duplicate: 1 }, states: 42_789 },
  ])('message-passing Paxos on a multiset network with $label: orbits add up to the plain search\'s $states states', ({ faults, network, states }) => {
    const spec = paxosMessageSystem({ acceptors: 3, proposers: 1, learners: 1, rounds: 1, network, faults });
    const plain = search(new ComposedSystem(spec), { strategy: 'bfs' });
    const reduced = search(new ComposedSystem({ ...spec, symmetry: [acceptors] }), { strategy: 'bfs', symmetry: true });
    expect([plain.states, plain.complete]).toEqual([states, true]);
    expect([reduced.statesUnreduced, reduced.complete]).toEqual([states, true]);
    expect(reduced.states).toBeLessThan(states / 5);
  });

  it('with values alone interchangeable (2 renamings), orbits still add up to 185,369', () => {
    const system = new ComposedSystem({ ...paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 }), symmetry: [values] });
    const reduced = search(system, { strategy: 'bfs', symmetry: true });
    expect([reduced.symmetryGroup, reduced.statesUnreduced]).toEqual([2, 185_369]);
  });

  it('still catches the Phase2a mutant, with a counterexample of the same length (8 steps)', () => {
    const machines = { proposer: findPaxosMutant('phase2a-any-value')!.machine };
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines })), { strategy: 'bfs', symmetry: true });
    const agreement = r.properties.find((p) => p.name === 'agreement')!;
    expect(agreement.status).toBe('violated');
    expect(agreement.path!.length - 1).toBe(8);
  });

  it('refuses a system that declares no symmetry', () => {
    const spec = { ...paxosTlaSystem({ acceptors: 3, values: 2, ballots: 1 }), symmetry: undefined };
    expect(() => search(new ComposedSystem(spec), { strategy: 'bfs', symmetry: true })).toThrow(/declares no symmetry/);
  });
});

describe('the canonical fingerprint', () => {
  const system = tla(3);
  const reducer = new SymmetryReducer(system, [acceptors, values]);
  const fpOf = (r: SymmetryReducer, v: Uint32Array) => r.canonical(v);

  test.prop([choices], { seed: 13, numRuns: 60 })('is the same for a state and each of its 12 images, with the same orbit', (cs) => {
    const v = walk(system, cs).at(-1)!;
    const { fingerprint, orbit } = fpOf(reducer, v);
    expect(orbit).toBe(new Set(Array.from({ length: 12 }, (_, r) => reducer.tables.image(v, r).join(','))).size);
    for (let r = 0; r < 12; r++) {
      const image = fpOf(reducer, reducer.tables.image(v, r));
      expect(same(image.fingerprint, fingerprint)).toBe(true);
      expect(image.orbit).toBe(orbit);
    }
  });

  test.prop([choices], { seed: 7, numRuns: 60 })('of a successor, updated from its parent, equals the one computed from scratch', (cs) => {
    const path = walk(system, cs);
    const parent = path.at(-2) ?? path[0];
    reducer.enter(parent);
    system.successors(parent, (_, v) => {
      const incremental = { hi: 0, lo: 0 };
      const selfLoop = v.every((w, k) => w === (parent[k] ?? 0));
      expect(reducer.fingerprint(v, parent, incremental)).toBe(!selfLoop);
      if (!selfLoop) expect(same(incremental, fpOf(reducer, v).fingerprint)).toBe(true);
    });
  });

  test.prop([choices], { seed: 11, numRuns: 40 })('kept for a state when it is found, its images fingerprint its successors as from scratch', (cs) => {
    // Self-loops are left out: a search keeps only new states.
    const path = walk(system, cs).filter((v, k, all) => k === 0 || v.some((w, j) => w !== (all[k - 1][j] ?? 0)));
    const fresh = new SymmetryReducer(system, [acceptors, values]);
    fresh.enter(path[0], 0);
    // Each state is found from the one before it and kept under its index, then entered by index.
    for (let k = 1; k < path.length; k++) {
      expect(fresh.fingerprint(path[k], path[k - 1], { hi: 0, lo: 0 })).toBe(true);
      fresh.keep(k);
      fresh.enter(path[k], k);
    }
    const last = path.at(-1)!;
    system.successors(last, (_, v) => {
      const out = { hi: 0, lo: 0 };
      if (fresh.fingerprint(v, last, out)) expect(same(out, fpOf(reducer, v).fingerprint)).toBe(true);
    });
  });

  it('catches a reducer that leaves acceptors out: some state and its acceptor-swapped image differ', () => {
    const valuesOnly = new SymmetryReducer(system, [values]);
    const swap = reducer.tables.maps.findIndex((m) => m.get('a1') === 'a2' && m.get('a2') === 'a1' && m.get('v1') === 'v1');
    const states = walk(system, Array.from({ length: 12 }, (_, k) => k * 7919));
    const differs = states.some((v) => !same(fpOf(valuesOnly, v).fingerprint, fpOf(valuesOnly, reducer.tables.image(v, swap)).fingerprint));
    expect(differs).toBe(true);
  });

  it('tells apart states of different orbits (the 17,153 representatives have 17,153 fingerprints)', () => {
    const r = search(system, { strategy: 'bfs', symmetry: true });
    const v = new Uint32Array(r.store.width);
    const seen = new Set<string>();
    for (let i = 0; i < r.store.size; i++) {
      const { fingerprint } = fpOf(reducer, r.store.read(i, v));
      seen.add(`${fingerprint.hi}:${fingerprint.lo}`);
    }
    expect(seen.size).toBe(17_153);
  });
});

describe('paths found under symmetry are paths of the unreduced system', () => {
  const pathOf = (r: SearchResult, path: number[]) => ({
    states: path.map((i) => r.store.read(i, new Uint32Array(r.store.width))),
    actions: path.map((i) => r.store.action(i)),
  });

  it('the Phase2a counterexample replays step by step and fails only agreement, refinement and what the mutant breaks', () => {
    const machines = { proposer: findPaxosMutant('phase2a-any-value')!.machine };
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines }));
    const r = search(system, { strategy: 'bfs', symmetry: true });
    const path = r.properties.find((p) => p.name === 'agreement')!.path!;
    const { states, actions } = pathOf(r, path);
    expect(replays(system, states, actions)).toBe(true);
    const report = verifyTrace(counterexample(system, r.store, path));
    const failing = report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property).sort();
    expect(failing).toContain('paxos.agreement');
    expect(failing.every((p) => ['paxos.agreement', 'paxos.refinement', 'paxos.accept-after-quorum', 'paxos.accept-value'].includes(p))).toBe(true);
  });

  it('witness paths of the correct model pass every checker, refinement included, and replay', () => {
    const system = tla(2);
    const r = search(system, { strategy: 'bfs', symmetry: true });
    for (const i of [r.store.size - 1, Math.floor(r.store.size / 2), r.properties.find((p) => p.name === 'some-value-chosen')!.path!.at(-1)!]) {
      const path = r.store.pathTo(i);
      const { states, actions } = pathOf(r, path);
      expect(replays(system, states, actions)).toBe(true);
      const report = verifyTrace(counterexample(system, r.store, path));
      expect(report.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
      expect(report.verdicts.some((v) => v.property === 'paxos.refinement' && v.status === 'pass')).toBe(true);
    }
  });

  it('the replay check rejects a path with one state swapped for its image (as if canonical forms were stored)', () => {
    const system = tla(2);
    const r = search(system, { strategy: 'bfs', symmetry: true });
    const { states, actions } = pathOf(r, r.properties.find((p) => p.name === 'some-value-chosen')!.path!);
    const tables = new SymmetryReducer(system, [acceptors, values]).tables;
    const k = states.length - 2;
    const renamed = Array.from({ length: 12 }, (_, q) => q).find((q) => tables.image(states[k], q).join() !== states[k].join())!;
    const spliced = states.map((s, j) => (j === k ? tables.image(s, renamed) : s));
    expect(replays(system, states, actions)).toBe(true);
    expect(replays(system, spliced, actions)).toBe(false);
  });
});

describe('the sorted canonical form (acceptors sorted by key, values renamed every way)', () => {
  const sorted = { strategy: 'bfs', symmetry: true, canonicalForm: 'sorted' } as const;

  it('explores the same 443 and 17,153 orbits, adding up to 3,921 and 185,369', () => {
    const two = search(tla(2), sorted);
    const three = search(tla(3), sorted);
    expect([two.states, two.statesUnreduced, three.states, three.statesUnreduced]).toEqual([443, 3921, 17_153, 185_369]);
  });

  it('agrees with every renaming on a group of 144 (4 acceptors, 3 values): 834 orbits, 33,889 states', () => {
    const system = () => new ComposedSystem(paxosTlaSystem({ acceptors: 4, values: 3, ballots: 2 }));
    const bySort = search(system(), sorted);
    const byAll = search(system(), { ...sorted, canonicalForm: 'renamings' });
    expect([bySort.symmetryGroup, bySort.states, bySort.statesUnreduced]).toEqual([144, 834, 33_889]);
    expect([byAll.states, byAll.statesUnreduced]).toEqual([834, 33_889]);
  });

  it('is the default above 48 renamings, and needs a group of actors to sort', () => {
    const big = new ComposedSystem(paxosTlaSystem({ acceptors: 4, values: 3, ballots: 1 }));
    expect(canonicalForm(big, big.spec.symmetry!)).toBeInstanceOf(SortedSymmetryReducer);
    expect(canonicalForm(tla(1), [acceptors, values])).toBeInstanceOf(SymmetryReducer);
    expect(() => new SortedSymmetryReducer(tla(1), [values])).toThrow(/group of interchangeable actors/);
  });

  const system = tla(3);
  const reducer = new SortedSymmetryReducer(system, [acceptors, values]);
  const all = new SymmetryReducer(system, [acceptors, values]);

  test.prop([choices], { seed: 17, numRuns: 60 })('gives a state and each of its 12 images one fingerprint and the orbit every renaming gives', (cs) => {
    const v = walk(system, cs).at(-1)!;
    const { fingerprint, orbit } = reducer.canonical(v);
    expect(orbit).toBe(all.canonical(v).orbit);
    for (let r = 0; r < 12; r++) {
      const image = reducer.canonical(all.tables.image(v, r));
      expect(same(image.fingerprint, fingerprint)).toBe(true);
      expect(image.orbit).toBe(orbit);
    }
  });

  const big = new ComposedSystem(paxosTlaSystem({ acceptors: 4, values: 3, ballots: 2 }));
  const bigSorted = new SortedSymmetryReducer(big, big.spec.symmetry!);
  const bigAll = new SymmetryReducer(big, big.spec.symmetry!);
  test.prop([choices, fc.nat(143)], { seed: 5, numRuns: 60 })('on 144 renamings too: any image has the fingerprint, and the orbit is that of every renaming', (cs, r) => {
    const v = walk(big, cs).at(-1)!;
    const { fingerprint, orbit } = bigSorted.canonical(v);
    expect(orbit).toBe(bigAll.canonical(v).orbit);
    expect(same(bigSorted.canonical(bigAll.tables.image(v, r)).fingerprint, fingerprint)).toBe(true);
  });

  it('catches a sorted form that leaves values out: some state and its value-swapped image differ', () => {
    const acceptorsOnly = new SortedSymmetryReducer(system, [acceptors]);
    const swap = all.tables.maps.findIndex((m) => m.get('a1') === 'a1' && m.get('a2') === 'a2' && m.get('v1') === 'v2');
    const states = walk(system, Array.from({ length: 16 }, (_, k) => k * 7919));
    expect(states.some((v) => !same(acceptorsOnly.canonical(v).fingerprint, acceptorsOnly.canonical(all.tables.image(v, swap)).fingerprint))).toBe(true);
  });

  it('finds the Phase2a counterexample in 8 steps, and it replays in the unreduced system', () => {
    const machines = { proposer: findPaxosMutant('phase2a-any-value')!.machine };
    const mutant = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines }));
    const r = search(mutant, sorted);
    const path = r.properties.find((p) => p.name === 'agreement')!.path!;
    expect(path.length - 1).toBe(8);
    const states = path.map((i) => r.store.read(i, new Uint32Array(r.store.width)));
    expect(replays(mutant, states, path.map((i) => r.store.action(i)))).toBe(true);
  });
});

describe('renaming', () => {
  it('generates every permutation of each group, identity first', () => {
    const rs = renamings([['a', 'b', 'c'], ['x', 'y']]);
    expect(rs).toHaveLength(12);
    expect([...rs[0]].every(([k, v]) => k === v)).toBe(true);
    expect(new Set(rs.map((m) => JSON.stringify([...m]))).size).toBe(12);
  });

  const names = ['a1', 'a2', 'a3'];
  test.prop([fc.array(fc.constantFrom(...names), { maxLength: 6 }).map((xs) => [...xs].sort()), fc.constantFrom(...renamings([names]))], { seed: 3 })(
    'keeps sorted name lists sorted, and renaming back restores the original',
    (list, map) => {
      const out = rename({ to: list, [list[0] ?? 'k']: 1 }, map) as { to: string[] };
      expect([...out.to].sort()).toEqual(out.to);
      const back = new Map([...map].map(([k, v]) => [v, k]));
      expect(rename(out, back)).toEqual({ to: list, [list[0] ?? 'k']: 1 });
    },
  );
});
