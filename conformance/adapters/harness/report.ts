/**
 * What a harness run leaves behind: per library, its verdicts with their counts and the
 * minimal failing scenario of each failing property; the minimal traces under
 * traces/third-party/found/ (named so that `coordkit all` knows what each must fail)
 * with the scenario beside each as JSON for `coordkit thirdparty --replay`; and the
 * README's markdown table.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { verifyTrace } from '../../checkers/run.ts';
import { traceToJsonl } from '../../schema/writer.ts';
import type { Scenario } from './scenario.ts';
import type { LibraryRun } from './search.ts';

export interface VerdictRecord {
  property: string;
  status: 'pass' | 'fail' | 'skip';
  /** Scenarios that judged it / failed it / skipped it. */
  judged: number;
  failed: number;
  skipped: number;
  note?: string;
  /** `trace` is absent when the scenario failed before any event (e.g. a configure call that never returned). */
  minimal?: { scenario: string; message: string; trace?: string; repro: string; shrinkSeconds: number };
}

export interface LibraryRecord {
  id: string;
  library: string;
  version: string;
  variant: string;
  policy: string;
  notes: string;
  /** The library's id, under which `coordkit all` looks it up (no trace of that name). */
  file: string;
  scenarios: number;
  seconds: number;
  verdicts: VerdictRecord[];
}

export interface ScenarioFile { library: string; property: string; scenario: Scenario }

const reproCommand = (path: string) => `node bin/coordkit.mjs thirdparty --replay ${path}`;

/** Writes each minimal failing scenario (trace + scenario JSON) and returns the records. */
export function recordRun(run: LibraryRun, foundDir: string, root = process.cwd()): LibraryRecord {
  const id = run.target.id;
  mkdirSync(foundDir, { recursive: true });
  for (const f of readdirSync(foundDir)) if (f.startsWith(`${id}--`)) rmSync(join(foundDir, f));
  const verdicts = run.properties.map((p): VerdictRecord => {
    const base: VerdictRecord = { property: p.property, status: p.status, judged: p.judged, failed: p.failed, skipped: p.skipped, ...(p.note && p.status === 'skip' ? { note: p.note } : {}) };
    if (!p.found) return base;
    const stem = `${id}--${p.property}`;
    const scenarioPath = join(foundDir, `${stem}.scenario.json`);
    // A trace with no event checks nothing (verify refuses it): only the scenario is kept.
    const hasEvents = p.found.lines.length > 1;
    let trace: string | undefined;
    if (hasEvents) {
      const failing = [...new Set(verifyTrace(p.found.lines).verdicts.filter((v) => v.status === 'fail').map((v) => v.property))].sort();
      trace = join(foundDir, `${stem}.${failing.length ? `fail.${failing.join('+')}` : 'pass'}.jsonl`);
      writeFileSync(trace, traceToJsonl(p.found.lines));
    }
    const file: ScenarioFile = { library: id, property: p.property, scenario: p.found.scenario };
    writeFileSync(scenarioPath, `${JSON.stringify(file, null, 1)}\n`);
    return {
      ...base,
      minimal: {
        scenario: p.found.words, message: p.found.message, ...(trace ? { trace: relative(root, trace) } : {}),
        repro: reproCommand(relative(root, scenarioPath)), shrinkSeconds: Math.round(p.found.shrinkSeconds * 10) / 10,
      },
    };
  });
  const info = run.target.info;
  return {
    id, library: info.library, version: info.version, variant: info.variant, policy: info.capabilities.policy,
    notes: info.notes ?? '', file: id, scenarios: run.scenarios, seconds: Math.round(run.seconds * 10) / 10, verdicts,
  };
}

const MARK = { pass: '✅', fail: '❌', skip: '–' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function renderTable(records: LibraryRecord[]): string {
  const rows = records.map((r) => {
    const verdicts = r.verdicts.map((v) => `${MARK[v.status]} ${v.property}${v.status === 'fail' ? ` (${v.failed}/${v.judged})` : ''}`).join('<br>');
    const failures = r.verdicts.filter((v) => v.minimal).map((v) =>
      `**${v.property}**: ${clip(v.minimal!.scenario, 220)} → ${clip(v.minimal!.message, 200)} (\`${v.minimal!.repro}\`)`).join('<br>');
    return `| ${cell(r.library)} | ${r.version} | ${cell(r.variant)} | ${r.policy} | ${r.scenarios} | ${verdicts} | ${cell(failures || r.notes)} |`;
  });
  return [
    '| library | version | variant | policy | scenarios | verdicts | minimal failing scenario → first violation (repro) / how driven |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export const START_MARKER = '<!-- third-party:start -->';
export const END_MARKER = '<!-- third-party:end -->';

/** Replaces the text between the markers (appending the markers if absent). */
export function spliceReadme(readme: string, text: string): string {
  const block = `${START_MARKER}\n${text}\n${END_MARKER}`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) return `${readme.replace(/\n*$/, '\n')}\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + END_MARKER.length);
}

export function tableIntro(budget: string, seed: number): string {
  return [
    'Real balancer libraries, judged by `coordkit thirdparty`: fast-check generates scenarios',
    'inside what each adapter (`conformance/adapters/libraries/`) says its library supports —',
    '1 to 64 backends, weights 0, fractional, huge, equal and unequal, membership operations in',
    'any order, key streams, requests with durations on a k× slower backend, restarts in a fresh',
    'instance or process — each library runs in its own child process with a per-call timeout,',
    'every trace is judged by the balancer checkers plus `call-returns` and `no-crash`, and the',
    'first failure of each property is shrunk to the smallest scenario that still fails it',
    `(traces and scenarios: \`traces/third-party/found/\`). Budget ${budget} per library, seed ${seed};`,
    'statistical verdicts are corrected for the number of scenarios (family-wise α = 0.001).',
    '',
  ].join('\n');
}
