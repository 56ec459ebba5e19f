/** Renders trace reports for people (text) and for CI (JUnit XML). Pure functions. */
import { classOf, failedClasses } from './classes.ts';
import type { TraceReport } from './run.ts';
import type { Figure, Verdict } from './types.ts';

const figureText = (figures: Record<string, Figure>) =>
  Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : v}`).join(' ');

export function formatText(r: TraceReport): string {
  const out = [`${r.file} (${r.protocol}, ${r.events} events)`];
  for (const v of r.verdicts) {
    out.push(`  ${v.status.toUpperCase().padEnd(4)} ${v.property} (${classOf(v)})${v.note ? ` — ${v.note}` : ''}${Object.keys(v.figures).length ? `  [${figureText(v.figures)}]` : ''}`);
    for (const x of v.violations) {
      out.push(`       line ${x.line}: ${x.message}`);
      for (const w of x.window ?? []) out.push(`         ${w.line === x.line ? '>' : ' '}${String(w.line).padStart(7)}  ${JSON.stringify(w.event)}`);
    }
  }
  return out.join('\n');
}

/**
 * One line for a set of reports: how many traces failed, and which property classes
 * failed with the properties in each ("safety: paxos.agreement; liveness: ...").
 */
export function formatSummary(reports: readonly TraceReport[]): string {
  const bad = reports.filter((r) => r.verdicts.some((v) => v.status === 'fail')).length;
  const classes = failedClasses(reports);
  if (classes.length === 0) return `summary: ${reports.length} trace(s), none failed`;
  const parts = classes.map((c) => {
    const props = new Set<string>();
    for (const r of reports) for (const v of r.verdicts) if (v.status === 'fail' && classOf(v) === c) props.add(v.property);
    return `${c} (${[...props].join(', ')})`;
  });
  return `summary: ${bad} of ${reports.length} trace(s) failed: ${parts.join('; ')}`;
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function testcase(file: string, v: Verdict): string {
  const head = `    <testcase classname="${xml(file)}.${classOf(v)}" name="${xml(v.property)}">`;
  if (v.status === 'skip') return `${head}<skipped message="${xml(v.note ?? '')}"/></testcase>`;
  if (v.status === 'pass') return `${head}</testcase>`;
  const first = v.violations[0];
  const body = v.violations.map((x) => `line ${x.line}: ${x.message}\n${(x.window ?? []).map((w) => `  ${w.line}: ${JSON.stringify(w.event)}`).join('\n')}`).join('\n');
  return `${head}<failure message="${xml(first ? `line ${first.line}: ${first.message}` : 'failed')}">${xml(body)}</failure></testcase>`;
}

export function formatJunit(reports: TraceReport[]): string {
  const suites = reports.map((r) => {
    const count = (s: Verdict['status']) => r.verdicts.filter((v) => v.status === s).length;
    return [
      `  <testsuite name="${xml(r.file)}" tests="${r.verdicts.length}" failures="${count('fail')}" skipped="${count('skip')}">`,
      ...r.verdicts.map((v) => testcase(r.file, v)),
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="coordkit verify">\n${suites.join('\n')}\n</testsuites>\n`;
}
