/** The README table and splice of the third-party report. */
import { describe, expect, it } from 'vitest';
import { END_MARKER, START_MARKER, renderTable, spliceReadme, type LibraryRecord } from './report.ts';

const record = (id: string, failing: boolean): LibraryRecord => ({
  id, library: id, version: '1.0.0', variant: 'V', policy: 'round-robin', notes: 'how driven', file: id, scenarios: 300, seconds: 6,
  verdicts: [
    { property: 'pick-validity', status: 'pass', judged: 300, failed: 0, skipped: 0 },
    failing
      ? { property: 'round-robin-order', status: 'fail', judged: 280, failed: 12, skipped: 20, minimal: { scenario: '2 backends, 1 key: add b1 again, 4 picks', message: 'b1 served again', trace: 'x.jsonl', repro: 'node bin/coordkit.mjs thirdparty --replay x.scenario.json', shrinkSeconds: 1 } }
      : { property: 'round-robin-order', status: 'pass', judged: 280, failed: 0, skipped: 20 },
  ],
});

describe('the third-party report', () => {
  it('has one row per library and variant (2), failures with their minimal scenario and repro, passes with how driven', () => {
    const table = renderTable([record('a', true), record('b', false)]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toContain('❌ round-robin-order (12/280)');
    expect(table[2]).toContain('**round-robin-order**: 2 backends, 1 key: add b1 again, 4 picks → b1 served again (`node bin/coordkit.mjs thirdparty --replay x.scenario.json`)');
    expect(table[3]).toContain('✅ round-robin-order');
    expect(table[3]).toContain('how driven');
  });

  it('rewrites only the marked README section, adding the markers when absent', () => {
    const appended = spliceReadme('# title\n\ntext\n', '| a |');
    expect(appended).toBe(`# title\n\ntext\n\n${START_MARKER}\n| a |\n${END_MARKER}\n`);
    expect(spliceReadme(`${appended}after\n`, '| b |')).toBe(`# title\n\ntext\n\n${START_MARKER}\n| b |\n${END_MARKER}\nafter\n`);
  });
});
