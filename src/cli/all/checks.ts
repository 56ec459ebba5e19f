/**
 * Model checks for the main job: every registered configuration (expected to pass) and
 * every family's model mutant (expected to be caught). Each run is reduced at once to what the
 * report needs (summary, counterexamples, optionally a drawable state graph), so the
 * explorer's state store is freed before the next run.
 */
import type { StateGraph } from '../../diagram/state-graph.ts';
import type { Counterexample } from '../../explore/counterexample.ts';
import type { Progress } from '../../explore/search.ts';
import { checkModels, withDefaults, type CheckModel } from '../check/models.ts';
import { runCheck, type CheckRun, type CheckSummary } from '../check/runner.ts';
import type { ModelMutant } from '../../families.ts';
import { exploredGraph } from './explored-graph.ts';
import { lassoPath } from '../../explore/liveness.ts';

export interface Configuration {
  /** The check model's name, as in `coordkit check NAME`. */
  model: string;
  label: string;
  opts: Record<string, unknown>;
  /** A depth bound; such a run can only be BOUNDED, and counts as expected only if `expect` says so. */
  maxDepth?: number;
  /** What a correct model gives here: 'pass' (the default) or, for a deliberately bounded run, 'bounded'. */
  expect?: 'pass' | 'bounded';
}

export interface GraphRequest {
  maxNodes: number;
  /** Which path to highlight: the first violated property's counterexample, or a reachability witness. */
  highlight: 'violation' | 'witness';
  /** Searches larger than this are not re-expanded for drawing. */
  maxStates: number;
}

export interface CheckOutcome {
  model: string;
  label: string;
  /** Set for a mutant run. */
  mutant?: { name: string; description: string; role?: string; kills?: string };
  expected: 'pass' | 'bounded' | 'caught';
  summary: CheckSummary;
  counterexamples: { property: string; cx: Counterexample }[];
  asExpected: boolean;
  detail: string;
  graph?: StateGraph;
  /** For mutants: the configurations tried, in order, up to the one that caught it. */
  tried?: string[];
  /** The options the run was built from (`check MODEL` / `explore MODEL` flags). */
  opts?: Record<string, unknown>;
}

export interface CheckHooks {
  onProgress?: (p: Progress) => void;
  /** Where counterexample traces are written. */
  traceDir?: string;
}

export function findCheckModel(name: string): CheckModel {
  const model = checkModels.find((m) => m.name === name);
  if (!model) throw new Error(`no check model named '${name}' (known: ${checkModels.map((m) => m.name).join(', ')})`);
  return model;
}

/** Every configuration the check models register as their defaults. */
export function defaultConfigurations(): Configuration[] {
  return checkModels.flatMap((m) => m.defaults.map((d) => ({ model: m.name, label: d.label, opts: d.opts })));
}

const violatedOf = (run: CheckRun) => run.summary.properties.filter((p) => p.status === 'violated');

function graphOf(run: CheckRun, request: GraphRequest | undefined): StateGraph | undefined {
  if (!request || run.result.states > request.maxStates) return undefined;
  const props = run.result.properties;
  const target = request.highlight === 'violation'
    ? props.find((p) => p.status === 'violated' && p.path)
    : props.find((p) => p.status === 'reached' && p.path);
  // No safety counterexample: a liveness lasso, drawn with its back edge.
  const [lasso] = request.highlight === 'violation' && !target ? run.lassos.values() : [];
  if (lasso) return exploredGraph(run.system, run.result.store, { ...lassoPath(lasso), maxNodes: request.maxNodes });
  return exploredGraph(run.system, run.result.store, {
    path: target?.path, violation: request.highlight === 'violation' && target !== undefined, maxNodes: request.maxNodes,
  });
}

function execute(config: Configuration, extra: Record<string, unknown>, name: string, hooks: CheckHooks, continueAfterViolation = false): CheckRun {
  const model = findCheckModel(config.model);
  const spec = model.build(withDefaults(model, { ...config.opts, ...extra }));
  const run = runCheck(name, spec, {
    strategy: 'bfs', maxDepth: config.maxDepth, traceDir: hooks.traceDir, onProgress: hooks.onProgress, continueAfterViolation,
  });
  // The result stands; a counterexample file that could not be written is said, not lost silently.
  for (const e of run.summary.writeErrors) process.stderr.write(`coordkit: ${e}\n`);
  return run;
}

export function counterexamplesOf(run: CheckRun): CheckOutcome['counterexamples'] {
  return [...run.counterexamples].map(([property, cx]) => ({ property, cx }));
}

/** A correct configuration: every invariant must hold and every reachability property be reached. */
export function checkConfiguration(config: Configuration, hooks: CheckHooks = {}, graph?: GraphRequest): CheckOutcome {
  const run = execute(config, {}, config.model, hooks);
  // Only a complete search passes: a bounded or stopped one is as expected only where the
  // configuration asks for a bound and says so (its note says what it left out).
  const expected = config.expect ?? 'pass';
  const { verdict, verdictNote } = run.summary;
  const asExpected = verdict === expected;
  const broken = run.summary.properties.filter((p) => p.status === 'violated' || p.status === 'unreached').map((p) => p.name);
  const detail = verdict === 'pass' ? `${asExpected ? '' : 'unexpected: PASS: '}every property holds`
    : verdict === 'fail' ? `unexpected: ${broken.join(', ')}`
      : `${asExpected ? '' : 'unexpected: '}${verdict.toUpperCase()}: ${verdictNote}`;
  return {
    model: config.model, label: config.label, expected, summary: run.summary,
    counterexamples: counterexamplesOf(run), asExpected,
    detail,
    graph: graphOf(run, graph),
    opts: config.opts,
  };
}

/**
 * A mutant is caught when the property it names (`kills`) is violated, or, naming none,
 * any invariant. Its runs are tried in order (cheapest first) until one catches it; the
 * outcome is that run's.
 */
export function catchMutant(mutant: ModelMutant, hooks: CheckHooks = {}, graph?: GraphRequest): CheckOutcome {
  if (mutant.runs.length === 0) throw new Error(`catchMutant: mutant ${mutant.name} names no run to try`);
  const tried: string[] = [];
  let outcome: CheckOutcome | undefined;
  for (const { label, opts } of mutant.runs) {
    const config: Configuration = { model: mutant.model, label, opts };
    tried.push(label);
    const name = `${config.model}-mutant-${mutant.name}`;
    let run = execute(config, { mutant: mutant.name }, name, hooks);
    // The search stops at the first violation; only when that is another property is it
    // run again to the end (most mutants break the property they name first).
    if (mutant.kills !== undefined && violatedOf(run).length > 0 && !violatedOf(run).some((p) => p.name === mutant.kills)) {
      run = execute(config, { mutant: mutant.name }, name, hooks, true);
    }
    const violated = violatedOf(run);
    const caught = mutant.kills === undefined ? violated.length > 0 : violated.some((p) => p.name === mutant.kills);
    const missed = mutant.kills === undefined ? '' : `${mutant.kills} holds${violated.length > 0 ? ` (violated: ${violated.map((p) => p.name).join(', ')})` : ''}; `;
    outcome = {
      model: config.model, label: config.label,
      mutant: { name: mutant.name, description: mutant.description, role: mutant.role, kills: mutant.kills },
      expected: 'caught', summary: run.summary, counterexamples: counterexamplesOf(run), asExpected: caught,
      detail: caught
        ? `caught: ${violated.map((p) => `${p.name} violated in ${p.depth} steps`).join(', ')}`
        : `${missed}not caught by ${tried.join('; ')}${run.summary.complete ? '' : ` (${run.summary.verdict.toUpperCase()}: ${run.summary.verdictNote})`}`,
      graph: caught ? graphOf(run, graph) : undefined,
      tried: [...tried],
      opts: { ...config.opts, mutant: mutant.name },
    };
    if (caught) break;
  }
  return outcome!;
}
