/** Ballot pairs: the mapping keeps the model's order, and the adapter translates both ways. */
import { describe, expect, it } from 'vitest';
import type { Adapter, DriveConfig, DriveInput, DriveOutput } from './adapter.ts';
import { BallotPairAdapter, ballotPairs } from './ballot-pairs.ts';
import { paxosBinding } from './paxos-binding.ts';

describe('ballot pairs', () => {
  it('numbers each owner\'s ballots from 1 (p1: 0, 2 -> [1,p1], [2,p1]) and falls back to [ballot, owner] when that breaks the order', () => {
    expect(ballotPairs(new Map([[0, 'p1'], [1, 'p2'], [2, 'p1'], [3, 'p2']])).map((p) => p.pair)).toEqual([[1, 'p1'], [1, 'p2'], [2, 'p1'], [2, 'p2']]);
    // p2 owns 0, p1 owns 1: [1,p2] > [1,p1] lexicographically, so counting would invert them.
    expect(ballotPairs(new Map([[0, 'p2'], [1, 'p1']])).map((p) => p.pair)).toEqual([[0, 'p2'], [1, 'p1']]);
  });

  it('hands the process pairs (null for none) and gives the driver integers (-1 for an acceptor\'s none)', async () => {
    const seen: unknown[] = [];
    const inner: Adapter = {
      name: 'fake',
      async reset(c: DriveConfig) { seen.push(c); },
      async step(_n: string, input: DriveInput): Promise<DriveOutput[]> {
        seen.push(input);
        return [{ type: 'send', to: ['p1'], msg: { type: 'promise', ballot: [2, 'p1'], acceptedBallot: null, acceptedValue: null } }];
      },
      async observe() { return { maxBal: [2, 'p1'], maxVBal: null, maxVal: null }; },
      async restart() {},
      async close() {},
    };
    const a = new BallotPairAdapter(inner, paxosBinding.ballots!);
    const ballotPairsTable = ballotPairs(new Map([[0, 'p1'], [1, 'p2'], [2, 'p1'], [3, 'p2']]));
    await a.reset({ protocol: 'paxos', nodes: [{ id: 'p1', role: 'proposer', input: { self: 'p1', ballots: [0, 2] } }], ballotPairs: ballotPairsTable });
    expect((seen[0] as DriveConfig).nodes[0].input).toEqual({ self: 'p1', ballots: [[1, 'p1'], [2, 'p1']] });
    const out = await a.step('a1', { kind: 'receive', from: 'p1', msg: { type: 'prepare', ballot: 2 } });
    expect(seen[1]).toEqual({ kind: 'receive', from: 'p1', msg: { type: 'prepare', ballot: [2, 'p1'] } });
    expect(out).toEqual([{ type: 'send', to: ['p1'], msg: { type: 'promise', ballot: 2, acceptedBallot: null, acceptedValue: null } }]);
    expect(await a.observe('a1')).toEqual({ maxBal: 2, maxVBal: -1, maxVal: null });
  });
});
