/** The committed traces in traces/balancer/ judged directly by the checkers, and
 * regenerated from the implementations and mutants to show they are not hand-written. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../src/impl/balancer/corpus.ts';
import { traceToJsonl } from '../../schema/writer.ts';
import { verifyFile } from '../run.ts';

const dir = fileURLToPath(new URL('../../../traces/balancer/', import.meta.url));

describe('traces/balancer', () => {
  for (const t of corpus()) {
    it(`${t.file}: ${t.expect === 'pass' ? 'passes every property' : `fails ${t.breaks}`}`, async () => {
      const path = dir + t.file;
      const { verdicts } = await verifyFile(path);
      if (t.expect === 'pass') {
        expect(verdicts.filter((v) => v.status === 'fail').map((v) => v.property)).toEqual([]);
        expect(verdicts.filter((v) => v.status === 'pass').length).toBeGreaterThanOrEqual(2);
      } else {
        const v = verdicts.find((x) => x.property === t.breaks)!;
        expect(v.status).toBe('fail');
        expect(v.violations[0].line).toBeGreaterThan(1);
      }
      expect(readFileSync(path, 'utf8')).toBe(traceToJsonl(t.lines()));
    });
  }
});
