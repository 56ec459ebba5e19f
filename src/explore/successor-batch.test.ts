import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { FingerprintSet } from './fingerprint-set.ts';
import { SuccessorBatch } from './successor-batch.ts';

const vectors = fc.array(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 12 }).map((a) => Uint32Array.from(a)), { maxLength: 60 });

test.prop([vectors, vectors])('returns each successor as added, in order, across growth and reuse', (first, second) => {
  const batch = new SuccessorBatch();
  for (const round of [first, second]) {
    const copies = round.map((v) => Array.from(v));
    round.forEach((v, j) => {
      // Step codes are non-negative int32 (step.ts): up to 2^31 - 1.
      batch.add(j * 2 ** 24 + 7, v, { hi: j, lo: j + 1 });
      v.fill(0xdead); // the caller's buffer is reused: the batch must have copied it
    });
    expect(batch.size).toBe(round.length);
    round.forEach((_, j) => {
      expect([batch.actions[j], batch.hi[j], batch.lo[j]]).toEqual([j * 2 ** 24 + 7, j, j + 1]);
      expect(Array.from(batch.vector(j))).toEqual(copies[j]);
    });
    batch.clear();
  }
});

test.prop([fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 2 ** 31 })), { maxLength: 200 })])('touching leaves the visited set as it was', (pairs) => {
  const set = new FingerprintSet(16);
  pairs.slice(0, pairs.length / 2).forEach(([hi, lo]) => set.add(hi, lo));
  const before = set.size;
  const batch = new SuccessorBatch();
  pairs.forEach(([hi, lo]) => batch.add(0, new Uint32Array(0), { hi, lo }));
  batch.touch(set);
  expect(set.size).toBe(before);
});
