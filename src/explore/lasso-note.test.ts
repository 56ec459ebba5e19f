import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { lassoNote, readLassoNote } from './lasso-note.ts';

describe('the lasso note of a trace header', () => {
  test.prop([fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.nat(500), fc.nat(50)])('reads back what it writes, after other text too', (property, startSeq, cycle) => {
    const loop = { property, startSeq, endSeq: cycle === 0 ? startSeq : startSeq + cycle + 3, cycleSteps: cycle };
    expect(readLassoNote(`model counterexample; ${lassoNote(loop)}`)).toEqual(loop);
  });

  it('reads the documented sentence, and nothing from a header that is not a lasso\'s', () => {
    expect(readLassoNote('lasso for all-decide: loop after seq 10: events seq 11..13 (2 steps) repeat forever'))
      .toEqual({ property: 'all-decide', startSeq: 10, endSeq: 13, cycleSteps: 2 });
    expect(readLassoNote('model counterexample; liveness bound 7 ticks')).toBeNull();
    expect(readLassoNote(undefined)).toBeNull();
  });
});
