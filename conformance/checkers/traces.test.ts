/**
 * Runs verify over every recorded trace in traces/paxos and traces/cluster. A file named
 * `X.pass.jsonl` must pass everything; `X.fail.P1+P2.jsonl` must fail exactly P1 and P2.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTraceFile } from '../schema/reader.ts';
import { verifyItems } from './run.ts';

const root = new URL('../../traces/', import.meta.url).pathname;

function expected(file: string): string[] {
  const m = /\.(pass|fail\.([^.]+))\.jsonl$/.exec(file);
  if (!m) throw new Error(`${file}: name must end in .pass.jsonl or .fail.<properties>.jsonl`);
  return m[2] ? m[2].split('+').sort() : [];
}

for (const protocol of ['paxos', 'cluster']) {
  describe(`traces/${protocol}`, () => {
    const files = readdirSync(join(root, protocol)).filter((f) => f.endsWith('.jsonl'));
    it('has passing and failing traces', () => {
      expect(files.some((f) => f.includes('.pass.'))).toBe(true);
      expect(files.some((f) => f.includes('.fail.'))).toBe(true);
    });
    for (const file of files) {
      it(file, async () => {
        const path = join(root, protocol, file);
        const report = await verifyItems(readTraceFile(path), path);
        const failed = report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property.replace(`${protocol}.`, '')).sort();
        expect(failed).toEqual(expected(file));
      });
    }
  });
}
