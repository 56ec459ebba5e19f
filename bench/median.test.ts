import { describe, expect, it } from 'vitest';
import { medianRun, pairedSpeedup, runTimes } from './median.ts';

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

describe('pairedSpeedup', () => {
  it('divides round by round, not sorted times, and takes the median ratio', () => {
    // Round 2 was a slow spell for both: sorted times would pair 10 with 5 and give 2.
    const slower = [{ elapsedMs: 10 }, { elapsedMs: 20 }, { elapsedMs: 12 }];
    const faster = [{ elapsedMs: 6 }, { elapsedMs: 11 }, { elapsedMs: 5 }];
    const r = pairedSpeedup(slower, faster);
    expect(r.rounds).toEqual([10 / 6, 20 / 11, 12 / 5]);
    expect(r.median).toBeCloseTo(20 / 11);
    expect(pairedSpeedup([{ elapsedMs: 4 }, { elapsedMs: 9 }], [{ elapsedMs: 2 }, { elapsedMs: 3 }]).median).toBe(2.5);
  });

  it('refuses runs that are not in pairs', () => {
    expect(() => pairedSpeedup([{ elapsedMs: 1 }], [])).toThrow(/pairs/);
    expect(() => pairedSpeedup([], [])).toThrow(/pairs/);
  });
});
