/**
 * Records every third-party balancer library into traces, judges each trace with the
 * balancer checkers, and renders the verdicts as the README's markdown table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { verifyFile } from '../checkers/run.js';
import { traceToJsonl } from '../schema/writer.js';
import { thirdPartyRecordings } from './balancers.js';
/** The installed version, from node_modules/<lib>/package.json. */
export function installedVersion(library) {
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(readFileSync(require.resolve(`${library}/package.json`), 'utf8'));
    return pkg.version;
}
export async function recordAndVerify(outDir, recordings = thirdPartyRecordings) {
    mkdirSync(outDir, { recursive: true });
    const results = [];
    for (const r of recordings) {
        const version = installedVersion(r.library);
        const path = join(outDir, r.file);
        writeFileSync(path, traceToJsonl(r.record(version)));
        const report = await verifyFile(path);
        results.push({
            library: r.library, version, variant: r.variant, policy: r.policy, file: r.file, notes: r.notes,
            verdicts: report.verdicts.map((v) => ({ property: v.property, status: v.status, ...(v.note ? { note: v.note } : {}), figures: v.figures })),
        });
    }
    return results;
}
const KEY_FIGURES = {
    'round-robin-order': ['cycle'],
    'wrr-proportions': ['period', 'longestBurst'],
    'random-uniformity': ['chiSquare', 'df', 'pValue'],
    'random-independence': ['pValue'],
    'least-connections': ['contestedPicks'],
    'p2c-less-loaded': ['contestedPicks'],
    'consistent-hash-movement': ['keysMoved', 'keysCompared', 'movedFraction', 'movedBetweenSurvivors'],
    aggregate: ['jainIndex', 'maxOverMean', 'coefficientOfVariation'],
};
const MARK = { pass: '✅', fail: '❌', skip: '–' };
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
export function renderTable(results) {
    const rows = results.map((r) => {
        const verdicts = r.verdicts.map((v) => `${MARK[v.status]} ${v.property}`).join('<br>');
        const figures = r.verdicts.flatMap((v) => (KEY_FIGURES[v.property] ?? [])
            .filter((f) => v.figures[f] !== undefined && v.figures[f] !== null)
            .map((f) => `${f} ${v.figures[f]}`)).join(', ');
        const failures = r.verdicts.filter((v) => v.status === 'fail' && v.note)
            .map((v) => `**${v.property}**: ${v.note.length > 160 ? `${v.note.slice(0, 157)}...` : v.note}`).join('<br>');
        return `| ${r.library} | ${r.version} | ${r.variant} | ${r.policy} | ${verdicts} | ${cell(figures)} | ${cell(failures || r.notes)} |`;
    });
    return [
        '| library | version | recorded | policy | verdicts | key figures | first violation / how driven |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
    ].join('\n');
}
export const START_MARKER = '<!-- third-party:start -->';
export const END_MARKER = '<!-- third-party:end -->';
/** Replaces the text between the markers (appending the markers if absent). */
export function spliceReadme(readme, table) {
    const block = `${START_MARKER}\n${table}\n${END_MARKER}`;
    const start = readme.indexOf(START_MARKER);
    const end = readme.indexOf(END_MARKER);
    if (start === -1 || end === -1 || end < start) {
        return `${readme.replace(/\n*$/, '\n')}\n${block}\n`;
    }
    return readme.slice(0, start) + block + readme.slice(end + END_MARKER.length);
}
export function tableIntro() {
    return [
        'Real npm balancers, recorded by `coordkit thirdparty` through the adapters in',
        '`conformance/adapters/` (fixed seeded workloads: 2000 picks over 200 keys; drop `b2`',
        'after a third and add `b5` after two thirds where the library supports membership',
        'changes) and judged by the balancer checkers. Traces: `traces/third-party/`.',
        '',
    ].join('\n');
}
