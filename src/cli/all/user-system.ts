/**
 * `coordkit all --system ./system.ts`: the main job for a user's own system instead of the
 * bundled ones. One exhaustive check with every property (liveness included, one
 * counterexample per violated property), each counterexample written as a trace and
 * verified by replaying it on the system (it must fail the property it was found for),
 * the statechart of every role, the explored state graph around the first violation (or a
 * witness), the counterexamples as sequence diagrams, and out/report.html and
 * out/report.json as for the bundled run. Expected: every property holds; anything else
 * is reported as unexpected (exit 1).
 */
import { join } from 'node:path';
import { systemCheckers } from '../../api/system-checkers.ts';
import type { StateGraph } from '../../diagram/state-graph.ts';
import type { SystemSpec } from '../../explore/spec.ts';
import type { Diagram } from '../../report/types.ts';
import { runCheck, type CheckRun } from '../check/runner.ts';
import { loadUserSystem, moduleName, withOrigin, type Params } from '../check/user-module.ts';
import { counterexamplesOf, type CheckOutcome } from './checks.ts';
import { slug, writeMachineDiagram, writeSequence, writeStateGraph } from './diagrams.ts';
import { exploredGraph } from './explored-graph.ts';
import { lassoPath } from '../../explore/liveness.ts';
import type { AllJson, AllResult } from './report.ts';
import { hostEnvironment, writeReport } from './write-report.ts';
import type { Console } from './run.ts';
import { verifyTrace, type TraceOutcome } from './traces.ts';

export interface UserSystemPlan {
  /** The module, as given on the command line. */
  file: string;
  params: Params;
  outDir: string;
}

/** Searches larger than this are not expanded again to draw their state graph. */
const GRAPH_MAX_STATES = 20_000;
const GRAPH_MAX_NODES = 40;

/**
 * The explored graph around the first safety violation, else a liveness lasso (with its back
 * edge, as `all` draws the bundled models'), else around the first witness, else the initial state.
 */
export function stateGraphOf(run: CheckRun, maxNodes: number): StateGraph {
  const violated = run.result.properties.find((p) => p.status === 'violated' && p.path);
  const [lasso] = violated ? [] : run.lassos.values();
  if (lasso) return exploredGraph(run.system, run.result.store, { ...lassoPath(lasso), maxNodes });
  const target = violated ?? run.result.properties.find((p) => p.status === 'reached' && p.path);
  return exploredGraph(run.system, run.result.store, { path: target?.path, violation: violated !== undefined, maxNodes });
}

function graphOf(run: CheckRun): StateGraph | undefined {
  return run.result.states > GRAPH_MAX_STATES ? undefined : stateGraphOf(run, GRAPH_MAX_NODES);
}

function outcomeOf(name: string, spec: SystemSpec, run: CheckRun): CheckOutcome {
  const { verdict, verdictNote } = run.summary;
  const broken = run.summary.properties.filter((p) => p.status === 'violated' || p.status === 'unreached').map((p) => p.name);
  return {
    model: name, label: spec.name, expected: 'pass', summary: run.summary,
    counterexamples: counterexamplesOf(run),
    asExpected: verdict === 'pass',
    detail: verdict === 'pass' ? 'every property holds' : verdict === 'fail' ? `unexpected: ${broken.join(', ')}` : `unexpected: ${verdict.toUpperCase()}: ${verdictNote}`,
    graph: graphOf(run),
  };
}

/** The statechart of each role's machine (the first actor of the role), named `<module>-<role>`. */
async function drawRoles(name: string, spec: SystemSpec, dir: string, files: string[]): Promise<Diagram[]> {
  const roles = new Map<string, SystemSpec['actors'][number]>();
  for (const a of spec.actors) if (!roles.has(a.role)) roles.set(a.role, a);
  const out: Diagram[] = [];
  for (const [role, actor] of roles) {
    out.push(await writeMachineDiagram({ name: `${name}-${slug(role)}`, description: `the ${role} machine of ${spec.name}`, machine: actor.machine }, dir, files));
  }
  return out;
}

export async function runUserSystem(plan: UserSystemPlan, out: Console): Promise<{ result: AllResult; json: AllJson }> {
  const started = performance.now();
  const spec = withOrigin(await loadUserSystem(plan.file, plan.params), plan.file, plan.params);
  const name = moduleName(plan.file);
  const diagramDir = join(plan.outDir, 'diagrams');
  out.line(`coordkit all --system ${plan.file}: ${spec.name}`);

  out.line('Model check (expected: every property holds, liveness included)');
  out.status?.(`  checking ${spec.name}`);
  const run = runCheck(name, spec, { strategy: 'bfs', continueAfterViolation: true, traceDir: join(plan.outDir, 'counterexamples'), onProgress: out.progress?.onProgress });
  out.progress?.done();
  for (const e of run.summary.writeErrors) process.stderr.write(`coordkit: ${e}\n`);
  const check = outcomeOf(name, spec, run);
  const s = check.summary;
  out.line(`  ${check.asExpected ? '✓' : '✗'} ${spec.name} — ${s.states.toLocaleString('en-US')} states, ${(s.elapsedMs / 1000).toFixed(1)} s: ${check.detail}`);

  // Each counterexample must verify as a failure of its own property when replayed on the system.
  const written = s.properties.filter((p) => p.trace !== undefined);
  if (written.length > 0) out.line(`Counterexample traces (${written.length}, replayed on the system: each must fail its property)`);
  const traces: TraceOutcome[] = [];
  for (const p of written) {
    const t = await verifyTrace(p.trace!, {
      checkers: systemCheckers(spec, p.trace!),
      expectation: { kind: 'fail-includes', property: p.name, why: `the counterexample of ${p.name}` },
    });
    traces.push(t);
    out.line(`  ${t.asExpected ? '✓' : '✗'} ${t.file}: ${t.detail}`);
  }

  out.status?.('  drawing diagrams');
  const diagramFiles: string[] = [];
  const statecharts = new Map([[name, await drawRoles(name, spec, diagramDir, diagramFiles)]]);
  const graphs = new Map<CheckOutcome, Diagram>();
  if (check.graph) graphs.set(check, await writeStateGraph(`Explored state graph: ${spec.name}`, `state-graph-${slug(name)}`, check.graph, diagramDir, diagramFiles));
  for (const { property, cx } of check.counterexamples) writeSequence(`counterexample-${slug(name)}-${slug(property)}`, cx, diagramDir, diagramFiles);
  out.status?.('');
  out.line(`Diagrams: ${diagramFiles.length} files in ${diagramDir}`);

  const result: AllResult = {
    generatedAt: new Date().toISOString(),
    elapsedMs: performance.now() - started,
    checks: [check], mutants: [], traceMutants: [], traces, diagramFiles, statecharts, graphs,
    environment: { ...hostEnvironment(), system: `${spec.name} (${plan.file})` },
  };
  const json = writeReport(result, plan.outDir, out.line);
  return { result, json };
}
