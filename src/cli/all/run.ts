/**
 * The main job (`coordkit all`, `npm start`): model-check every registered
 * configuration, catch every family's mutants, verify every bundled trace, draw the
 * diagrams, and write out/report.html and out/report.json. Nothing unexpected may
 * happen: a correct model violating a property, a mutant surviving, or a trace whose
 * verdicts differ from what its name says are each reported as unexpected.
 */
import { join } from 'node:path';
import type { RegisteredMachine } from '../../../models/registered-machine.ts';
import type { Protocol } from '../../../conformance/schema/trace.ts';
import { families, machines, type FamilyMutant } from '../../families.ts';
import type { Progress } from '../../explore/search.ts';
import { UserError } from '../errors.ts';
import type { Diagram } from '../../report/types.ts';
import { catchMutant, checkConfiguration, defaultConfigurations, type CheckOutcome, type Configuration, type GraphRequest } from './checks.ts';
import { catchTraceMutant, type TraceMutantOutcome } from './trace-mutants.ts';
import { slug, writeMachineDiagram, writeSequence, writeStateGraph } from './diagrams.ts';
import type { AllJson, AllResult } from './report.ts';
import { hostEnvironment, writeReport } from './write-report.ts';
import { findTraces, verifyTrace, type TraceOutcome } from './traces.ts';

export interface PlannedCheck {
  config: Configuration;
  graph?: GraphRequest;
}

export interface AllPlan {
  checks: PlannedCheck[];
  /** Each with its family's name; a model mutant carries the runs that may catch it. */
  mutants: { family: Protocol; mutant: FamilyMutant }[];
  mutantGraph?: GraphRequest;
  traces: string[];
  machines: RegisteredMachine[];
  outDir: string;
}

/** Paxos.tla with a single ballot (73 states): drawn around the path to a chosen value. */
export const DRAWN: PlannedCheck = {
  config: { model: 'paxos', label: 'Paxos.tla, ballots {0} (drawn)', opts: { network: 'set', acceptors: 3, values: 2, ballots: 1 } },
  graph: { maxNodes: 36, highlight: 'witness', maxStates: 1000 },
};

export interface PlanOptions {
  /** Keep only configurations and mutants whose "model label" or name contains one of these (case-insensitive). */
  only?: string[];
  tracesRoot: string;
  mutants: boolean;
  outDir: string;
}

export function defaultPlan(o: PlanOptions): AllPlan {
  const wanted = (text: string) => !o.only || o.only.some((w) => text.toLowerCase().includes(w.toLowerCase()));
  const checks = [DRAWN, ...defaultConfigurations().map((config) => ({ config }))]
    .filter((c) => wanted(`${c.config.model} ${c.config.label}`));
  const allMutants = families.flatMap((f) => f.mutants.map((mutant) => ({ family: f.name, mutant })));
  const mutantName = (m: (typeof allMutants)[number]) => `${m.family} mutant ${m.mutant.name}`;
  const mutants = o.mutants ? allMutants.filter((m) => wanted(mutantName(m))) : [];
  if (o.only && checks.length === 0 && mutants.length === 0) {
    const known = [DRAWN, ...defaultConfigurations().map((config) => ({ config }))].map((c) => `${c.config.model} ${c.config.label}`);
    throw new UserError(`matches no configuration or mutant; known: ${[...known, ...allMutants.map(mutantName)].join('; ')}`, { field: '--only' });
  }
  return {
    checks,
    mutants,
    mutantGraph: { maxNodes: 30, highlight: 'violation', maxStates: 20_000 },
    traces: findTraces(o.tracesRoot),
    machines: [...machines],
    outDir: o.outDir,
  };
}

/** Where the job says what it is doing. `progress` is given the explorer's live figures. */
export interface Console {
  line(text: string): void;
  progress?: { onProgress(p: Progress): void; done(): void };
  /** Overwritable status line (a terminal); absent when output is a file or pipe. */
  status?(text: string): void;
}

const n = (x: number) => x.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function checkLine(c: CheckOutcome): string {
  const s = c.summary;
  const what = c.mutant ? `mutant ${c.mutant.name}` : `${c.model}: ${c.label}`;
  const before = c.tried && c.tried.length > 1 ? ` (not caught on ${c.tried.slice(0, -1).join('; ')})` : '';
  const where = c.mutant ? ` on ${c.label}${c.asExpected ? before : ''}` : '';
  return `  ${mark(c.asExpected)} ${what}${where} — ${n(s.states)} states, ${secs(s.elapsedMs)} (${n(s.statesPerSecond)}/s): ${c.detail}`;
}

function traceMutantLine(t: TraceMutantOutcome): string {
  return `  ${mark(t.asExpected)} mutant ${t.mutant.name} on its recorded trace — ${n(t.events)} events, ${secs(t.elapsedMs)}: ${t.detail}`;
}

function traceSummary(traces: TraceOutcome[]): string[] {
  const byDir = new Map<string, TraceOutcome[]>();
  for (const t of traces) {
    const dir = t.file.split(/[\\/]/).slice(0, -1).join('/');
    byDir.set(dir, [...(byDir.get(dir) ?? []), t]);
  }
  const lines: string[] = [];
  for (const [dir, list] of byDir) {
    const good = list.filter((t) => t.asExpected);
    const passing = good.filter((t) => t.expectation.kind === 'pass').length;
    lines.push(`  ${mark(good.length === list.length)} ${dir}: ${good.length}/${list.length} as expected (${passing} pass, ${good.length - passing} fail as named)`);
    for (const t of list.filter((x) => !x.asExpected)) lines.push(`      ✗ unexpected: ${t.file}: ${t.detail}`);
  }
  return lines;
}

export async function runAll(plan: AllPlan, out: Console): Promise<{ result: AllResult; json: AllJson }> {
  const started = performance.now();
  const diagramDir = join(plan.outDir, 'diagrams');
  const hooks = { traceDir: join(plan.outDir, 'counterexamples'), onProgress: out.progress?.onProgress };
  out.line(`coordkit all: ${plan.checks.length} model configurations, ${plan.mutants.length} mutants, ${plan.traces.length} traces, ${plan.machines.length} machines to draw`);

  out.line('Model checks (expected: every property holds)');
  const checks: CheckOutcome[] = [];
  for (const [i, planned] of plan.checks.entries()) {
    out.status?.(`  [${i + 1}/${plan.checks.length}] ${planned.config.model}: ${planned.config.label}`);
    const outcome = checkConfiguration(planned.config, hooks, planned.graph);
    out.progress?.done();
    checks.push(outcome);
    out.line(checkLine(outcome));
  }

  if (plan.mutants.length > 0) out.line('Mutants (expected: caught, by a counterexample or a failing trace)');
  const mutants: CheckOutcome[] = [];
  const traceMutants: TraceMutantOutcome[] = [];
  for (const [i, { family, mutant }] of plan.mutants.entries()) {
    out.status?.(`  [${i + 1}/${plan.mutants.length}] ${family} mutant ${mutant.name}`);
    if (mutant.kind === 'model') {
      const outcome = catchMutant(mutant, hooks, plan.mutantGraph);
      out.progress?.done();
      mutants.push(outcome);
      out.line(checkLine(outcome));
    } else {
      const outcome = catchTraceMutant(family, mutant);
      traceMutants.push(outcome);
      out.line(traceMutantLine(outcome));
    }
  }

  out.line(`Traces (${plan.traces.length}, verified in process by the conformance checkers)`);
  const traces: TraceOutcome[] = [];
  for (const [i, file] of plan.traces.entries()) {
    out.status?.(`  [${i + 1}/${plan.traces.length}] ${file}`);
    traces.push(await verifyTrace(file));
  }
  out.status?.('');
  for (const line of traceSummary(traces)) out.line(line);

  out.status?.('  drawing diagrams');
  const diagramFiles: string[] = [];
  const statecharts = new Map<string, Diagram[]>();
  for (const entry of plan.machines) {
    const d = await writeMachineDiagram(entry, diagramDir, diagramFiles);
    statecharts.set(entry.family, [...(statecharts.get(entry.family) ?? []), d]);
  }
  const graphs = new Map<CheckOutcome, Diagram>();
  for (const c of [...checks, ...mutants]) {
    const name = c.mutant ? `mutant-${c.mutant.name}` : `${c.model}-${c.label}`;
    if (c.graph) {
      const title = c.mutant ? `Explored states around the counterexample: ${c.mutant.name} on ${c.label}` : `Explored state graph: ${c.label}`;
      graphs.set(c, await writeStateGraph(title, `state-graph-${slug(name)}`, c.graph, diagramDir, diagramFiles));
    }
    for (const { property, cx } of c.counterexamples) writeSequence(`counterexample-${slug(name)}-${slug(property)}`, cx, diagramDir, diagramFiles);
  }
  out.status?.('');
  out.line(`Diagrams: ${diagramFiles.length} files in ${diagramDir}`);

  const result: AllResult = {
    generatedAt: new Date().toISOString(),
    elapsedMs: performance.now() - started,
    checks, mutants, traceMutants, traces, diagramFiles, statecharts, graphs,
    environment: hostEnvironment(),
  };
  const json = writeReport(result, plan.outDir, out.line);
  return { result, json };
}
