import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { END_MARKER, START_MARKER, recordAndVerify, renderTable, spliceReadme, type ThirdPartyResult } from './third-party.ts';
import { thirdPartyRecordings } from './balancers.ts';

const committedDir = fileURLToPath(new URL('../../traces/third-party/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'coordkit-thirdparty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('third-party balancers', () => {
  it('covers the six pinned libraries', () => {
    const libs = new Set(thirdPartyRecordings.map((r) => r.library));
    expect([...libs].sort()).toEqual(['consistent-hash', 'hashring', 'load-balancers', 'round-robin-js', 'weighted-round-robin', 'wrr-pool']);
  });

  it('re-recording reproduces the committed traces and verdicts', async () => {
    const fresh = await recordAndVerify(tmp);
    const committed = JSON.parse(readFileSync(join(committedDir, 'verdicts.json'), 'utf8')) as ThirdPartyResult[];
    const summary = (rs: ThirdPartyResult[]) => rs.map((r) => ({ file: r.file, version: r.version, verdicts: r.verdicts.map((v) => `${v.property}:${v.status}`) }));
    expect(summary(fresh)).toEqual(summary(committed));
    for (const r of fresh) {
      expect(readFileSync(join(tmp, r.file), 'utf8'), r.file).toBe(readFileSync(join(committedDir, r.file), 'utf8'));
    }
    // The observations behind the table: these libraries were judged, not just run.
    const verdict = (file: string, property: string) => fresh.find((r) => r.file === file)!.verdicts.find((v) => v.property === property)!.status;
    expect(verdict('hashring.jsonl', 'consistent-hash-movement')).toBe('pass');
    expect(verdict('load-balancers.jsonl', 'p2c-less-loaded')).toBe('pass');
    expect(verdict('round-robin-js.random.jsonl', 'round-robin-order')).toBe('fail');
    expect(renderTable(fresh).split('\n')).toHaveLength(fresh.length + 2);
  });

  it('rewrites only the marked README section, adding the markers when absent', () => {
    const table = '| a |\n| --- |';
    const appended = spliceReadme('# title\n\ntext\n', table);
    expect(appended).toBe(`# title\n\ntext\n\n${START_MARKER}\n${table}\n${END_MARKER}\n`);
    const replaced = spliceReadme(`${appended}after\n`, '| b |');
    expect(replaced).toBe(`# title\n\ntext\n\n${START_MARKER}\n| b |\n${END_MARKER}\nafter\n`);
  });
});
