import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { paxosTlaSystem } from '../../models/paxos/system.ts';
import { findPaxosMutant } from '../../models/paxos/mutants.ts';
import { ComposedSystem } from './compose.ts';
import { search } from './search.ts';
import { rename, renamings } from './symmetry.ts';

describe('symmetry reduction', () => {
  it('explores one state per orbit, and the orbits add up to the unreduced count (3,921)', () => {
    const reduced = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 })), { strategy: 'bfs', symmetry: true });
    expect(reduced.symmetryGroup).toBe(12);
    expect(reduced.states).toBeLessThan(3921 / 6);
    expect(reduced.statesUnreduced).toBe(3921);
    expect(reduced.properties.map((p) => p.status)).toEqual(['holds', 'holds', 'holds', 'reached']);
  });

  it('still catches the Phase2a mutant, with a counterexample of the same length', () => {
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

describe('renaming', () => {
  it('generates every permutation of each group, identity first', () => {
    const rs = renamings([['a', 'b', 'c'], ['x', 'y']]);
    expect(rs).toHaveLength(12);
    expect([...rs[0]].every(([k, v]) => k === v)).toBe(true);
    expect(new Set(rs.map((m) => JSON.stringify([...m]))).size).toBe(12);
  });

  const names = ['a1', 'a2', 'a3'];
  test.prop([fc.array(fc.constantFrom(...names), { maxLength: 6 }).map((xs) => [...xs].sort()), fc.constantFrom(...renamings([names]))])(
    'keeps sorted name lists sorted, and renaming back restores the original',
    (list, map) => {
      const out = rename({ to: list, [list[0] ?? 'k']: 1 }, map) as { to: string[] };
      expect([...out.to].sort()).toEqual(out.to);
      const back = new Map([...map].map(([k, v]) => [v, k]));
      expect(rename(out, back)).toEqual({ to: list, [list[0] ?? 'k']: 1 });
    },
  );
});
