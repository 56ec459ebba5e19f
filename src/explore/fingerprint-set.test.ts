import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { FingerprintSet } from './fingerprint-set.ts';

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
