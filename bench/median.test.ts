import { describe, expect, it } from 'vitest';
import { medianRun, runTimes } from './median.ts';

describe('medianRun', () => {
  it('keeps the middle run of an odd count, with every time fastest first', () => {
    const m = medianRun([{ elapsedMs: 12_000, id: 'a' }, { elapsedMs: 10_000, id: 'b' }, { elapsedMs: 11_000, id: 'c' }]);
    expect(m.id).toBe('c');
    expect(m.timesMs).toEqual([10_000, 11_000, 12_000]);
    expect(runTimes(m.timesMs)).toBe('10.0 / 11.0 / 12.0 s');
  });

  it('keeps the faster middle run of an even count, and refuses none', () => {
    expect(medianRun([{ elapsedMs: 4 }, { elapsedMs: 1 }, { elapsedMs: 3 }, { elapsedMs: 2 }]).elapsedMs).toBe(2);
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});
