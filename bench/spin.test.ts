import { describe, expect, it } from 'vitest';
import { messageUniverse, paxosPromela, runSpin, spinAvailable } from './spin.ts';

const cfg = (ballots: number) => ({ acceptors: 3, values: 2, ballots });

describe('the Promela encoding of Paxos.tla', () => {
  it('numbers 30 messages for ballots {0,1}: 2 1a, 12 1b, 4 2a, 12 2b, each bit once', () => {
    const u = messageUniverse(cfg(2));
    expect(u.size).toBe(30);
    const bits = [
      ...[0, 1].map((b) => u.m1a(b)),
      ...[0, 1, 2].flatMap((a) => [u.m1b(a, 0, -1, -1), u.m1b(a, 1, -1, -1), u.m1b(a, 1, 0, 0), u.m1b(a, 1, 0, 1)]),
      ...[0, 1].flatMap((b) => [0, 1].map((v) => u.m2a(b, v))),
      ...[0, 1, 2].flatMap((a) => [0, 1].flatMap((b) => [0, 1].map((v) => u.m2b(a, b, v)))),
    ];
    expect(new Set(bits).size).toBe(30);
  });

  it('has one Phase2a option per ballot and value, and one Phase2b option per acceptor, ballot and value', () => {
    const pml = paxosPromela(cfg(3));
    expect(pml.match(/-> msgs\[\d+\] = msgs\[\d+\] \| \(1 << \d+\) }/g)).toHaveLength(3 + 3 * 2);
    expect(pml.match(/maxVBal\[\d\] = \d;/g)).toHaveLength(3 * 3 * 2);
  });

  it.skipIf(!spinAvailable())('reaches 3,921 states for ballots {0,1} under SPIN, as TLC does (skipped without spin and gcc: `npm run bench` installs them)', () => {
    expect(runSpin(2).states).toBe(3921);
  }, 30_000);

  it.skipIf(!spinAvailable())('catches a wrong encoding: Phase2b without its ballot guard reaches more than 3,921 states', () => {
    // A bad input for the comparison: the same model with `b >= maxBal[a]` dropped from Phase2b.
    const broken = (ballots: number) => paxosPromela(cfg(ballots)).replace(/&& \d >= maxBal\[\d\] ->/g, '->');
    expect(broken(2)).not.toBe(paxosPromela(cfg(2)));
    expect(runSpin(2, { model: broken(2) }).states).toBeGreaterThan(3921);
  }, 30_000);
});
