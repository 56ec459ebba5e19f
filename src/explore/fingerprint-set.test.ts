import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { FingerprintSet, SharedFingerprintSet } from './fingerprint-set.ts';

const fingerprints = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 2 ** 32 - 1 })), { maxLength: 3000 });

test.prop([fingerprints], { numRuns: 200 })('behaves like a set of (hi, lo) pairs across growth', (pairs) => {
  const set = new FingerprintSet(16);
  const model = new Set<string>();
  for (const [hi, lo] of pairs) {
    const key = `${hi}:${lo}`;
    expect(set.add(hi, lo)).toBe(!model.has(key));
    model.add(key);
  }
  expect(set.size).toBe(model.size);
  for (const [hi, lo] of pairs) expect(set.has(hi, lo)).toBe(true);
  expect(set.has(7, 0xdead)).toBe(model.has(`7:${0xdead}`));
});

test.prop([fingerprints], { numRuns: 100 })('the shared set agrees with the plain one', (pairs) => {
  const plain = new FingerprintSet(16);
  const shared = new SharedFingerprintSet(SharedFingerprintSet.allocate(8192));
  for (const [hi, lo] of pairs) expect(shared.add(hi, lo)).toBe(plain.add(hi, lo));
  expect(shared.size).toBe(plain.size);
});
