import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { BallotIndex } from './ballot-index.ts';

const ballot = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.integer(), fc.maxSafeInteger(), fc.integer({ min: 2 ** 40, max: 2 ** 40 + 50 }));

describe('BallotIndex', () => {
  test.prop([fc.array(ballot, { maxLength: 400 })])('ids are dense, in first-seen order, and lead back to their ballot', (ballots) => {
    const index = new BallotIndex();
    const model = new Map<number, number>();
    for (const b of ballots) {
      if (!model.has(b)) model.set(b, model.size);
      expect(index.idOf(b)).toBe(model.get(b));
    }
    expect(index.size).toBe(model.size);
    for (const [b, id] of model) expect([index.idOf(b), index.ballotOf(id)]).toEqual([id, b]);
  });

  it('keeps 100,000 ballots through its rehashes (every ballot still has its first id)', () => {
    const index = new BallotIndex();
    const ballots = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? -i * 7919 : i * 2 ** 20));
    ballots.forEach((b, i) => expect(index.idOf(b)).toBe(i));
    expect(ballots.every((b, i) => index.idOf(b) === i && index.ballotOf(i) === b)).toBe(true);
    expect(index.size).toBe(100_000);
  });
});
