/** Renders trace reports for people (text) and for CI (JUnit XML). Pure functions. */
import { outcomeOf } from './run.js';
const figureText = (figures) => Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : v}`).join(' ');
export function formatText(r) {
    const out = [`${r.file} (${r.protocol}, ${r.events} events)`];
    for (const v of r.verdicts) {
        out.push(`  ${v.status.toUpperCase().padEnd(4)} ${v.property}${v.note ? ` — ${v.note}` : ''}${Object.keys(v.figures).length ? `  [${figureText(v.figures)}]` : ''}`);
        for (const x of v.violations) {
            out.push(`       line ${x.line}: ${x.message}`);
            for (const w of x.window ?? [])
                out.push(`         ${w.line === x.line ? '>' : ' '}${String(w.line).padStart(7)}  ${JSON.stringify(w.event)}`);
        }
    }
    return out.join('\n');
}
const xml = (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
function testcase(file, v) {
    const head = `    <testcase classname="${xml(file)}" name="${xml(v.property)}">`;
    if (v.status === 'skip')
        return `${head}<skipped message="${xml(v.note ?? '')}"/></testcase>`;
    if (v.status === 'pass')
        return `${head}</testcase>`;
    const first = v.violations[0];
    const body = v.violations.map((x) => `line ${x.line}: ${x.message}\n${(x.window ?? []).map((w) => `  ${w.line}: ${JSON.stringify(w.event)}`).join('\n')}`).join('\n');
    return `${head}<failure message="${xml(first ? `line ${first.line}: ${first.message}` : 'failed')}">${xml(body)}</failure></testcase>`;
}
/** A suite with one errored testcase: a trace that could not be judged. */
function errorSuite(file, name, message) {
    return [
        `  <testsuite name="${xml(file)}" tests="1" failures="0" errors="1" skipped="0">`,
        `    <testcase classname="${xml(file)}" name="${xml(name)}"><error message="${xml(message)}"/></testcase>`,
        '  </testsuite>',
    ].join('\n');
}
/** Every trace gets a suite: a report's verdicts, or a malformed trace as an error testcase. */
export function formatJunit(reports) {
    const suites = reports.map((r) => {
        if ('error' in r)
            return errorSuite(r.file, 'malformed', r.error);
        const count = (s) => r.verdicts.filter((v) => v.status === s).length;
        const unchecked = outcomeOf(r) === 'unchecked';
        return [
            `  <testsuite name="${xml(r.file)}" tests="${r.verdicts.length + (unchecked ? 1 : 0)}" failures="${count('fail')}" errors="${unchecked ? 1 : 0}" skipped="${count('skip')}">`,
            ...r.verdicts.map((v) => testcase(r.file, v)),
            ...(unchecked ? [`    <testcase classname="${xml(r.file)}" name="nothing-checked"><error message="every property was skipped: nothing was checked"/></testcase>`] : []),
            '  </testsuite>',
        ].join('\n');
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="coordkit verify">\n${suites.join('\n')}\n</testsuites>\n`;
}
