import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fingerprint, rawFingerprint, updateFingerprint, type Fingerprint } from './fingerprint.ts';

const words = fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 12 }).map((a) => Uint32Array.from(a));
const full = (w: Uint32Array): Fingerprint => {
  const out = { hi: 0, lo: 0 };
  fingerprint(w, 0, w.length, out);
  return out;
};

test.prop([words, words])('the incremental fingerprint equals the full one', (before, after) => {
  const raw = { hi: 0, lo: 0 };
  rawFingerprint(before, raw);
  const out = { hi: 0, lo: 0 };
  const changed = updateFingerprint(before, after, raw, out);
  const equal = Array.from({ length: Math.max(before.length, after.length) }, (_, k) => (before[k] ?? 0) === (after[k] ?? 0)).every(Boolean);
  expect(changed).toBe(!equal);
  if (changed) expect(out).toEqual(full(after));
});

test.prop([words, fc.nat(3)])('reports an unchanged state (a self-loop), trailing zeros aside, and leaves out as it was', (before, extra) => {
  const raw = { hi: 0, lo: 0 };
  rawFingerprint(before, raw);
  const after = new Uint32Array(before.length + extra);
  after.set(before);
  const out = { hi: 1, lo: 2 };
  expect(updateFingerprint(before, after, raw, out)).toBe(false);
  expect(out).toEqual({ hi: 1, lo: 2 });
});

test.prop([words, fc.integer({ min: 1, max: 4 })])('trailing zero words do not change the fingerprint', (w, extra) => {
  const wide = new Uint32Array(w.length + extra);
  wide.set(w);
  expect(full(wide)).toEqual(full(w));
});

test.prop([words, fc.nat(11), fc.integer({ min: 1, max: 2 ** 32 - 1 })])('changing any one word changes it', (w, at, delta) => {
  const changed = w.slice();
  const i = at % w.length;
  changed[i] = (changed[i] + delta) >>> 0;
  expect(full(changed)).not.toEqual(full(w));
});

test.prop([words])('never produces the empty slot lo = 0', (w) => {
  expect(full(w).lo).not.toBe(0);
});

test('neither word of a fingerprint is 0, the visited sets\' markers: the all-zero state, whose hash is 0, included', () => {
  expect(full(new Uint32Array(5))).toEqual({ hi: 1, lo: 1 });
  const raw = { hi: 0, lo: 0 };
  rawFingerprint(Uint32Array.of(7), raw);
  const out = { hi: 0, lo: 0 };
  expect(updateFingerprint(Uint32Array.of(7), Uint32Array.of(0), raw, out)).toBe(true);
  expect(out).toEqual({ hi: 1, lo: 1 });
});
