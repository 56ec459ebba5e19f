import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { tickAt } from './cluster-clock.ts';

describe('cluster clock', () => {
  it('ticks are periods since the origin: monotone, and a later reader is never behind an earlier one', () => {
    fc.assert(fc.property(fc.nat({ max: 1e9 }), fc.nat({ max: 1e6 }), fc.nat({ max: 1e5 }), fc.integer({ min: 1, max: 5000 }), (origin, a, d, period) => {
      const t1 = tickAt(origin + a, origin, period);
      const t2 = tickAt(origin + a + d, origin, period);
      expect(t2).toBeGreaterThanOrEqual(t1);
      expect(t1).toBe(Math.floor(a / period));
      // A message stamped by a sender at t1 and read later finds the receiver at t1 or after.
      expect(t2 - t1).toBeLessThanOrEqual(Math.ceil(d / period) + 1);
    }));
  });

  it('before the origin it reads tick 0', () => {
    expect(tickAt(900, 1000, 100)).toBe(0);
  });
});
