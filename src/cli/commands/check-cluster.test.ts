import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { parseFaults } from './check-cluster.ts';
import { UserError } from '../errors.ts';

const KEYS = { crash: 'crashes', restart: 'restarts', partition: 'partitions', loss: 'losses', dup: 'duplicates', pause: 'pauses' } as const;

describe('--faults parsing', () => {
  it('reads names and name:count pairs into budgets', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.constantFrom(...(Object.keys(KEYS) as (keyof typeof KEYS)[]))),
      fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }),
      (names, counts) => {
        const raw = names.map((n, i) => (counts[i] === 1 && i % 2 === 0 ? n : `${n}:${counts[i]}`)).join(',');
        const f = parseFaults(raw);
        names.forEach((n, i) => {
          if (n !== 'crash') expect(f[KEYS[n]]).toBe(counts[i]);
        });
        const restarts = names.includes('restart') ? counts[names.indexOf('restart')] : 0;
        const crashes = names.includes('crash') ? counts[names.indexOf('crash')] : 0;
        expect(f.crashes).toBe(restarts > 0 && crashes === 0 ? restarts : crashes);
      },
    ));
  });

  it('rejects unknown faults and bad counts with a user error naming the option', () => {
    for (const bad of ['crash,meteor', 'loss:x', 'pause:-1', 'dup:99', 'loss:', 'loss:1e1', 'loss: 2']) {
      try {
        parseFaults(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect(String((e as Error).message)).toMatch(/fault/);
      }
    }
  });

  it('"none" and the empty list mean no faults', () => {
    expect(Object.values(parseFaults('none')).every((n) => n === 0)).toBe(true);
    expect(Object.values(parseFaults('')).every((n) => n === 0)).toBe(true);
  });
});
