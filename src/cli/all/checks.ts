/**
 * Model checks for the main job: every registered configuration (expected to pass) and
 * every Paxos mutant (expected to be caught). Each run is reduced at once to what the
 * report needs (summary, counterexamples, optionally a drawable state graph), so the
 * explorer's state store is freed before the next run.
 */
import type { StateGraph } from '../../diagram/state-graph.ts';
import type { Counterexample } from '../../explore/counterexample.ts';
import type { Progress } from '../../explore/search.ts';
import { checkModels, withDefaults, type CheckModel } from '../check/models.ts';
import { runCheck, type CheckRun, type CheckSummary } from '../check/runner.ts';
import type { PaxosMutant } from '../../../models/paxos/mutants.ts';
import { exploredGraph } from './explored-graph.ts';

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
  mutant?: { name: string; description: string; role: string };
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
  return exploredGraph(run.system, run.result.store, {
    path: target?.path, violation: request.highlight === 'violation' && target !== undefined, maxNodes: request.maxNodes,
  });
}

function execute(config: Configuration, extra: Record<string, unknown>, name: string, hooks: CheckHooks): CheckRun {
  const model = findCheckModel(config.model);
  const spec = model.build(withDefaults(model, { ...config.opts, ...extra }));
  const run = runCheck(name, spec, { strategy: 'bfs', maxDepth: config.maxDepth, traceDir: hooks.traceDir, onProgress: hooks.onProgress });
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
 * A mutant is caught when some invariant is violated. The configurations are tried in
 * order (cheapest first) until one catches it; the outcome is that run's.
 */
export function catchMutant(mutant: PaxosMutant, configs: Configuration[], hooks: CheckHooks = {}, graph?: GraphRequest): CheckOutcome {
  if (configs.length === 0) throw new Error('catchMutant: no configurations to try');
  const tried: string[] = [];
  let outcome: CheckOutcome | undefined;
  for (const config of configs) {
    tried.push(config.label);
    const run = execute(config, { mutant: mutant.name }, `${config.model}-mutant-${mutant.name}`, hooks);
    const violated = violatedOf(run);
    const caught = violated.length > 0;
    outcome = {
      model: config.model, label: config.label,
      mutant: { name: mutant.name, description: mutant.description, role: mutant.role },
      expected: 'caught', summary: run.summary, counterexamples: counterexamplesOf(run), asExpected: caught,
      detail: caught
        ? `caught: ${violated.map((p) => `${p.name} violated in ${p.depth} steps`).join(', ')}`
        : `not caught by ${tried.join('; ')}${run.summary.complete ? '' : ` (${run.summary.verdict.toUpperCase()}: ${run.summary.verdictNote})`}`,
      graph: caught ? graphOf(run, graph) : undefined,
      tried: [...tried],
      opts: { ...config.opts, mutant: mutant.name },
    };
    if (caught) break;
  }
  return outcome!;
}
