/**
 * The main job (`coordkit all`, `npm start`): model-check every registered
 * configuration, catch every Paxos mutant, verify every bundled trace, draw the
 * diagrams, and write out/report.html and out/report.json. Nothing unexpected may
 * happen: a correct model violating a property, a mutant surviving, or a trace whose
 * verdicts differ from what its name says are each reported as unexpected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { machines } from '../../../models/index.js';
import { paxosMutants } from '../../../models/paxos/mutants.js';
import { renderReport } from '../../report/render.js';
import { UserError } from '../errors.js';
import { catchMutant, checkConfiguration, defaultConfigurations } from './checks.js';
import { slug, writeMachineDiagram, writeSequence, writeStateGraph } from './diagrams.js';
import { buildJson, buildReport, unexpected } from './report.js';
import { findTraces, verifyTrace } from './traces.js';
/** Paxos.tla with a single ballot (73 states): drawn around the path to a chosen value. */
export const DRAWN = {
    config: { model: 'paxos', label: 'Paxos.tla, ballots {0} (drawn)', opts: { network: 'set', acceptors: 3, values: 2, ballots: 1 } },
    graph: { maxNodes: 36, highlight: 'witness', maxStates: 1000 },
};
export const MUTANT_CONFIGURATIONS = [
    { model: 'paxos', label: 'Paxos.tla, ballots {0,1}', opts: { network: 'set', acceptors: 3, values: 2, ballots: 2 } },
    { model: 'paxos', label: 'message passing, 2 proposers, 2 ballots each', opts: { network: 'multiset', acceptors: 3, proposers: 2, learners: 1, rounds: 2, loss: 0, dup: 0, crashes: 0 } },
];
export function defaultPlan(o) {
    const wanted = (text) => !o.only || o.only.some((w) => text.toLowerCase().includes(w.toLowerCase()));
    const checks = [DRAWN, ...defaultConfigurations().map((config) => ({ config }))]
        .filter((c) => wanted(`${c.config.model} ${c.config.label}`));
    const mutants = o.mutants ? paxosMutants.filter((m) => wanted(`paxos mutant ${m.name}`)) : [];
    if (o.only && checks.length === 0 && mutants.length === 0) {
        const known = [DRAWN, ...defaultConfigurations().map((config) => ({ config }))].map((c) => `${c.config.model} ${c.config.label}`);
        throw new UserError(`matches no configuration or mutant; known: ${[...known, ...paxosMutants.map((m) => `paxos mutant ${m.name}`)].join('; ')}`, { field: '--only' });
    }
    return {
        checks,
        mutants,
        mutantConfigurations: MUTANT_CONFIGURATIONS,
        mutantGraph: { maxNodes: 30, highlight: 'violation', maxStates: 20_000 },
        traces: findTraces(o.tracesRoot),
        machines,
        outDir: o.outDir,
    };
}
const n = (x) => x.toLocaleString('en-US');
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok) => (ok ? '✓' : '✗');
function checkLine(c) {
    const s = c.summary;
    const what = c.mutant ? `mutant ${c.mutant.name}` : `${c.model}: ${c.label}`;
    const before = c.tried && c.tried.length > 1 ? ` (not caught on ${c.tried.slice(0, -1).join('; ')})` : '';
    const where = c.mutant ? ` on ${c.label}${c.asExpected ? before : ''}` : '';
    return `  ${mark(c.asExpected)} ${what}${where} — ${n(s.states)} states, ${secs(s.elapsedMs)} (${n(s.statesPerSecond)}/s): ${c.detail}`;
}
function traceSummary(traces) {
    const byDir = new Map();
    for (const t of traces) {
        const dir = t.file.split(/[\\/]/).slice(0, -1).join('/');
        byDir.set(dir, [...(byDir.get(dir) ?? []), t]);
    }
    const lines = [];
    for (const [dir, list] of byDir) {
        const good = list.filter((t) => t.asExpected);
        const passing = good.filter((t) => t.expectation.kind === 'pass').length;
        lines.push(`  ${mark(good.length === list.length)} ${dir}: ${good.length}/${list.length} as expected (${passing} pass, ${good.length - passing} fail as named)`);
        for (const t of list.filter((x) => !x.asExpected))
            lines.push(`      ✗ unexpected: ${t.file}: ${t.detail}`);
    }
    return lines;
}
export async function runAll(plan, out) {
    const started = performance.now();
    const diagramDir = join(plan.outDir, 'diagrams');
    const hooks = { traceDir: join(plan.outDir, 'counterexamples'), onProgress: out.progress?.onProgress };
    out.line(`coordkit all: ${plan.checks.length} model configurations, ${plan.mutants.length} mutants, ${plan.traces.length} traces, ${plan.machines.length} machines to draw`);
    out.line('Model checks (expected: every property holds)');
    const checks = [];
    for (const [i, planned] of plan.checks.entries()) {
        out.status?.(`  [${i + 1}/${plan.checks.length}] ${planned.config.model}: ${planned.config.label}`);
        const outcome = checkConfiguration(planned.config, hooks, planned.graph);
        out.progress?.done();
        checks.push(outcome);
        out.line(checkLine(outcome));
    }
    if (plan.mutants.length > 0)
        out.line('Mutants (expected: caught with a counterexample)');
    const mutants = [];
    for (const [i, mutant] of plan.mutants.entries()) {
        out.status?.(`  [${i + 1}/${plan.mutants.length}] mutant ${mutant.name}`);
        const outcome = catchMutant(mutant, plan.mutantConfigurations, hooks, plan.mutantGraph);
        out.progress?.done();
        mutants.push(outcome);
        out.line(checkLine(outcome));
    }
    out.line(`Traces (${plan.traces.length}, verified in process by the conformance checkers)`);
    const traces = [];
    for (const [i, file] of plan.traces.entries()) {
        out.status?.(`  [${i + 1}/${plan.traces.length}] ${file}`);
        traces.push(await verifyTrace(file));
    }
    out.status?.('');
    for (const line of traceSummary(traces))
        out.line(line);
    out.status?.('  drawing diagrams');
    const diagramFiles = [];
    const statecharts = new Map();
    for (const entry of plan.machines) {
        const d = await writeMachineDiagram(entry, diagramDir, diagramFiles);
        statecharts.set(entry.family, [...(statecharts.get(entry.family) ?? []), d]);
    }
    const graphs = new Map();
    for (const c of [...checks, ...mutants]) {
        const name = c.mutant ? `mutant-${c.mutant.name}` : `${c.model}-${c.label}`;
        if (c.graph) {
            const title = c.mutant ? `Explored states around the counterexample: ${c.mutant.name} on ${c.label}` : `Explored state graph: ${c.label}`;
            graphs.set(c, await writeStateGraph(title, `state-graph-${slug(name)}`, c.graph, diagramDir, diagramFiles));
        }
        for (const { property, cx } of c.counterexamples)
            writeSequence(`counterexample-${slug(name)}-${slug(property)}`, cx, diagramDir, diagramFiles);
    }
    out.status?.('');
    out.line(`Diagrams: ${diagramFiles.length} files in ${diagramDir}`);
    const result = {
        generatedAt: new Date().toISOString(),
        elapsedMs: performance.now() - started,
        checks, mutants, traces, diagramFiles, statecharts, graphs,
        environment: { node: process.version, machine: `${process.platform}/${process.arch}, ${cpus().length} cores` },
    };
    const files = { html: join(plan.outDir, 'report.html'), json: join(plan.outDir, 'report.json') };
    const json = buildJson(result, files);
    mkdirSync(plan.outDir, { recursive: true });
    writeFileSync(files.html, renderReport(buildReport(result)));
    writeFileSync(files.json, `${JSON.stringify(json, null, 2)}\n`);
    out.line(`Report: ${files.html}, ${files.json}`);
    const bad = unexpected(result);
    out.line(bad.length === 0
        ? `All as expected (${secs(result.elapsedMs)}).`
        : `${bad.length} UNEXPECTED (${secs(result.elapsedMs)}):\n${bad.map((b) => `  ✗ ${b}`).join('\n')}`);
    return { result, json };
}
