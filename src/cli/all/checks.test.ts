import { describe, expect, it } from 'vitest';
import { findFamily, type ModelMutant } from '../../families.ts';
import { catchMutant, checkConfiguration } from './checks.ts';

const paxos = { model: 'paxos', label: 'Paxos.tla, ballots {0,1}', opts: { network: 'set', acceptors: 3, values: 2, ballots: 2 } };

describe('coordkit all: what a check result counts as', () => {
  it('a complete search of a correct model passes as expected (3,921 states)', () => {
    const c = checkConfiguration(paxos);
    expect(c.summary.states).toBe(3921);
    expect(c).toMatchObject({ expected: 'pass', asExpected: true, detail: 'every property holds' });
  });

  it('a depth-bounded search is not "as expected" where a pass was expected, and says BOUNDED', () => {
    const c = checkConfiguration({ ...paxos, maxDepth: 3 });
    expect(c.summary.verdict).toBe('bounded');
    expect(c.asExpected).toBe(false);
    expect(c.detail).toMatch(/^unexpected: BOUNDED: no violation within depth 3 .*vacuity not ruled out: some-value-chosen/);
  });

  it('a depth-bounded search is as expected only where the configuration expects a bound', () => {
    const c = checkConfiguration({ ...paxos, maxDepth: 3, expect: 'bounded' });
    expect(c).toMatchObject({ expected: 'bounded', asExpected: true });
    expect(c.detail).toMatch(/^BOUNDED: no violation within depth 3/);
  });
});

describe('coordkit all: when a model mutant counts as caught', () => {
  // Without faults this mutant violates follows-own-epoch first (18 steps), leader-within-bound later (49).
  const mutant = findFamily('cluster')!.mutants.find((m) => m.name === 'follower-keeps-own-epoch') as ModelMutant;

  it('is caught by the property it names even when another falls first (266 states)', () => {
    const c = catchMutant({ ...mutant, kills: 'leader-within-bound' });
    expect(c.asExpected).toBe(true);
    expect(c.summary.states).toBe(266);
    expect(c.detail).toBe('caught: follows-own-epoch violated in 18 steps, leader-within-bound violated in 49 steps');
  });

  it('is not caught when only other properties fall', () => {
    const c = catchMutant({ ...mutant, kills: 'one-leader-per-epoch' });
    expect(c.asExpected).toBe(false);
    expect(c.detail).toMatch(/^one-leader-per-epoch holds \(violated: follows-own-epoch, leader-within-bound\); not caught by 3 servers/);
  });
});
