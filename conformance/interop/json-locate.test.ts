/** Tests of the JSON path -> line locator that gives ITF errors their line. */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lineOfPath } from './json-locate.ts';

describe('lineOfPath', () => {
  it('finds the line of a value in a pretty-printed ITF document (state 1, seq on line 17)', () => {
    const doc = { vars: ['event'], states: [{ event: { seq: 1, to: ['a', 'b'] } }, { event: { seq: 2, 'we"ird': 'x' } }] };
    const text = JSON.stringify(doc, null, 2);
    const lines = text.split('\n');
    const line = lineOfPath(text, ['states', 1, 'event', 'seq']) as number;
    expect(lines[line - 1]).toContain('"seq": 2');
    expect(line).toBe(17);
    expect(lines[(lineOfPath(text, ['states', 1, 'event', 'we"ird']) as number) - 1]).toContain('"x"');
    expect(lineOfPath(text, ['states', 0, 'event', 'to', 1])).toBe(11);
    expect(lineOfPath(text, ['states', 5])).toBeUndefined();
  });

  it('agrees with a pretty-printer on every leaf of random JSON (200 documents)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
      const text = JSON.stringify({ root: v }, null, 1);
      const walk = (x: unknown, path: (string | number)[]): void => {
        if (x !== null && typeof x === 'object') {
          for (const [k, y] of Object.entries(x)) walk(y, [...path, Array.isArray(x) ? Number(k) : k]);
          return;
        }
        const line = lineOfPath(text, path);
        expect(line).toBeDefined();
        expect(text.split('\n')[(line as number) - 1].trim().replace(/,$/, '').endsWith(JSON.stringify(x))).toBe(true);
      };
      walk(v, ['root']);
    }), { numRuns: 200, seed: 18 });
  });

  it('does not overflow on 100,000 levels of nesting', () => {
    const text = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    expect(lineOfPath(text, ['x'])).toBeUndefined();
  });
});
