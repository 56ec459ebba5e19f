import { describe, expect, it } from 'vitest';
import { checkConfiguration } from './checks.ts';

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
