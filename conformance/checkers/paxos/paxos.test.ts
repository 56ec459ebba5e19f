import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { runPaxos } from '../../../src/impl/paxos-article/sim.ts';
import type { Mutation } from '../../../src/impl/paxos-article/correct.ts';
import { paxosHeader } from '../../schema/arbitraries.ts';
import type { TraceEvent } from '../../schema/trace.ts';
import { failing, verifyRun } from '../test-support.ts';
import { justifiedValue } from './phase2a.ts';
import { paxosSetup, type PaxosHeader } from './setup.ts';

const seeds = fc.integer({ min: 1, max: 100_000 });

describe('paxos checkers on simulated runs', () => {
  it('pass every property on runs of the correct Paxos', async () => {
    await fc.assert(fc.asyncProperty(seeds, fc.integer({ min: 1, max: 3 }), async (seed, proposers) => {
      const report = await verifyRun(runPaxos({ impl: 'correct', seed, proposers, retryRate: 0.08 }));
      expect(failing(report)).toEqual([]);
    }), { numRuns: 60 });
  });

  it("catch the source article's Paxos: first-response quorum and clashing timestamp ballots", async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) for (const p of failing(await verifyRun(runPaxos({ impl: 'article', seed })))) seen.add(p);
    // Its acceptors promise a clashing ballot again (>=): not below a promise, so not a
    // promise-monotonic failure; the clash itself is unique-ballots.
    expect(seen).toEqual(new Set(['paxos.agreement', 'paxos.accept-after-quorum', 'paxos.unique-ballots', 'paxos.refinement']));
  });

  const cases: [Mutation, string][] = [
    ['accept-below-promise', 'paxos.accept-respects-promise'],
    ['ignore-promised-values', 'paxos.accept-value'],
    ['learner-decides-on-first', 'paxos.decide-chosen'],
    ['invent-value', 'paxos.validity'],
    ['promise-omits-vote', 'paxos.promise-reports-vote'],
  ];
  for (const [mutation, property] of cases) {
    it(`catch the mutation ${mutation} as a ${property} violation (and refinement)`, async () => {
      let caught = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const f = failing(await verifyRun(runPaxos({ impl: 'correct', mutation, proposers: 3, retryRate: 0.08, seed })));
        if (f.includes(property)) {
          caught++;
          expect(f).toContain('paxos.refinement');
        }
      }
      expect(caught).toBeGreaterThan(0);
    });
  }
});

describe('paxos checkers on hand-written traces', () => {
  let seq = 0;
  const ev = (e: Record<string, unknown>) => ({ seq: ++seq, ...e } as TraceEvent);
  const promise = (a: string, p: string, ballot: number, ab: number | null, av: string | null) => [
    ev({ node: a, kind: 'send', to: p, msg: { type: 'promise', ballot, acceptedBallot: ab, acceptedValue: av } }),
    ev({ node: p, kind: 'receive', from: a, msg: { type: 'promise', ballot, acceptedBallot: ab, acceptedValue: av } }),
  ];

  it('accept-value: a quorum reporting an accepted value forces it', async () => {
    const events = [
      ev({ node: 'p1', kind: 'send', to: ['a1', 'a2', 'a3'], msg: { type: 'prepare', ballot: 5 } }),
      ...promise('a1', 'p1', 5, 2, 'y'),
      ...promise('a2', 'p1', 5, null, null),
      ev({ node: 'p1', kind: 'send', to: ['a1', 'a2', 'a3'], msg: { type: 'accept', ballot: 5, value: 'x' } }),
    ];
    const report = await verifyRun({ header: paxosHeader, events });
    const v = report.verdicts.find((x) => x.property === 'paxos.accept-value')!;
    expect(v.status).toBe('fail');
    expect(v.violations[0].line).toBe(events.length + 1);
    expect(v.violations[0].window!.at(-1)!.event).toEqual(events.at(-1));
  });

  it('justifiedValue: any quorum of the promises may justify the value', () => {
    const setup = paxosSetup(paxosHeader as PaxosHeader);
    const free = new Set(['x', 'y', 'z']);
    const promises = new Map([
      ['a1', { acceptedBallot: 3, acceptedValue: 'y' }],
      ['a2', { acceptedBallot: null, acceptedValue: null }],
      ['a3', { acceptedBallot: null, acceptedValue: null }],
    ]);
    expect(justifiedValue(promises, 'x', free, setup)).toBe(true); // {a2, a3} accepted nothing
    expect(justifiedValue(promises, 'y', free, setup)).toBe(true);
    promises.set('a3', { acceptedBallot: 1, acceptedValue: 'z' });
    expect(justifiedValue(promises, 'x', free, setup)).toBe(false);
    expect(justifiedValue(promises, 'z', free, setup)).toBe(true); // {a2, a3}: highest is z at 1
    expect(justifiedValue(promises, 'y', free, setup)).toBe(true);
  });

  it('promise-reports-vote: a promise after accepting (3, "y") must report it; reporting it (or a re-promise) passes', async () => {
    const run = (ab: number | null, av: string | null) => verifyRun({ header: paxosHeader, events: [
      ev({ node: 'a1', kind: 'send', to: 'p1', msg: { type: 'accepted', ballot: 3, value: 'y' } }),
      ev({ node: 'a1', kind: 'send', to: 'p2', msg: { type: 'promise', ballot: 5, acceptedBallot: ab, acceptedValue: av } }),
    ] });
    const omitted = (await run(null, null)).verdicts.find((v) => v.property === 'paxos.promise-reports-vote')!;
    expect(omitted.status).toBe('fail');
    expect(omitted.class).toBe('safety');
    expect(omitted.violations[0].message).toMatch(/a1 promised ballot 5 reporting no vote, but it accepted "y" in ballot 3/);
    expect((await run(2, 'y')).verdicts.find((v) => v.property === 'paxos.promise-reports-vote')!.status).toBe('fail');
    expect((await run(3, 'x')).verdicts.find((v) => v.property === 'paxos.promise-reports-vote')!.status).toBe('fail');
    expect((await run(3, 'y')).verdicts.find((v) => v.property === 'paxos.promise-reports-vote')!.status).toBe('pass');
  });
});
