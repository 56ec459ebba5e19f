/**
 * The main job's results as the HTML report's model (src/report) and as the machine-
 * readable out/report.json. Pure: everything here is computed from outcomes already run.
 */
import type { Counterexample as ExplorerCounterexample, StepRow } from '../../explore/counterexample.ts';
import type { Counterexample, CounterexampleStep, Diagram, ModelReport, PropertyKind, PropertyResult, PropertyVerdict, Report, TraceReport } from '../../report/types.ts';
import type { PropertySummary } from '../check/runner.ts';
import type { CheckOutcome } from './checks.ts';
import { describeExpectation } from './expectations.ts';
import type { TraceOutcome } from './traces.ts';
import type { TraceMutantOutcome } from './trace-mutants.ts';
import { exploreCommand } from '../../report/explore-link.ts';

export interface AllResult {
  generatedAt: string;
  elapsedMs: number;
  checks: CheckOutcome[];
  /** Model mutants, caught by the explorer. */
  mutants: CheckOutcome[];
  /** Implementation mutants, caught by the checkers on the trace each records. */
  traceMutants: TraceMutantOutcome[];
  traces: TraceOutcome[];
  /** Files written under the diagram directory. */
  diagramFiles: string[];
  /** Statecharts by model family. */
  statecharts: Map<string, Diagram[]>;
  /** Explored state graphs, by the outcome they belong to. */
  graphs: Map<CheckOutcome, Diagram>;
  environment: Record<string, string>;
}

/** One line per thing that did not go as expected; empty when all is well. */
export function unexpected(r: Pick<AllResult, 'checks' | 'mutants' | 'traceMutants' | 'traces'>): string[] {
  return [
    ...r.checks.filter((c) => !c.asExpected).map((c) => `model ${c.model} (${c.label}): ${c.detail}`),
    ...r.mutants.filter((m) => !m.asExpected).map((m) => `mutant ${m.mutant?.name}: ${m.detail}`),
    ...r.traceMutants.filter((m) => !m.asExpected).map((m) => `mutant ${m.mutant.name}: ${m.detail}`),
    ...r.traces.filter((t) => !t.asExpected).map((t) => `trace ${t.file}: ${t.detail}`),
  ];
}

const KIND: Record<PropertySummary['kind'], PropertyKind | undefined> = {
  invariant: 'invariant', reachable: 'reachability', deadlock: 'deadlock', eventually: 'liveness', leadsTo: 'liveness',
};
const VERDICT: Record<PropertySummary['status'], PropertyVerdict> = {
  holds: 'pass', violated: 'fail', reached: 'reachable', unreached: 'unreachable',
};

function propertyResult(p: PropertySummary): PropertyResult {
  const note = p.status === 'violated' ? p.message : p.status === 'reached' ? `${p.description} (witness in ${p.depth} steps)` : p.description;
  return { name: p.name, kind: KIND[p.kind], verdict: VERDICT[p.status], ...(note ? { note } : {}) };
}

const FAULTS = new Set<StepRow['kind']>(['crash', 'partition', 'lose', 'duplicate']);
const RECOVERIES = new Set<StepRow['kind']>(['restart', 'heal']);

export function timelineStep(s: StepRow): CounterexampleStep {
  const tone = FAULTS.has(s.kind) ? 'fault' : RECOVERIES.has(s.kind) ? 'recovery' : undefined;
  return { seq: s.index, actor: s.actor, action: s.action, state: s.after, ...(tone ? { tone } : {}) };
}

function reportCounterexample(property: string, cx: ExplorerCounterexample): Counterexample {
  return { property, header: cx.header, events: cx.events, steps: cx.steps.map(timelineStep) };
}

function modelReport(c: CheckOutcome, diagrams: Diagram[]): ModelReport {
  const s = c.summary;
  const verdict = c.asExpected ? 'as expected' : 'UNEXPECTED';
  return {
    name: c.mutant ? `mutant ${c.mutant.name}` : `${c.model}: ${c.label}`,
    family: c.mutant ? `${c.model} mutant` : c.model,
    description: c.mutant
      ? `${c.mutant.description}. Expected to be caught; ${c.detail} (${verdict}). System: ${s.system}.`
      : `${s.system}. Expected to ${c.expected === 'bounded' ? 'find no violation within the bound' : 'pass'}; ${c.detail} (${verdict}).`,
    config: c.label + (s.complete ? '' : ' (search stopped early)'),
    properties: s.properties.map(propertyResult),
    figures: { distinctStates: s.states, transitions: s.transitions, depth: s.depth, timeMs: s.elapsedMs, statesPerSecond: s.statesPerSecond },
    diagrams,
    counterexamples: c.counterexamples.map(({ property, cx }) => ({ ...reportCounterexample(property, cx), ...(c.opts ? { explore: exploreCommand(c.model, c.opts, property) } : {}) })),
  };
}

/** An implementation mutant shows as the trace it recorded, with what it was expected to fail. */
function traceMutantReport(m: TraceMutantOutcome): TraceReport {
  return {
    file: `mutant ${m.mutant.name} (recorded in memory: ${m.label})`, protocol: m.family, events: m.events, verdicts: m.verdicts,
    producer: `coordkit mutant ${m.mutant.name}: ${m.mutant.description}`,
    figures: {
      expected: `fail ${m.mutant.kills} (a mutant)`,
      outcome: m.asExpected ? 'as expected' : `UNEXPECTED: ${m.detail}`,
    },
  };
}

function traceReport(t: TraceOutcome & { protocol: NonNullable<TraceOutcome['protocol']> }): TraceReport {
  return {
    file: t.file, protocol: t.protocol, events: t.events, verdicts: t.verdicts,
    ...(t.producer ? { producer: t.producer } : {}),
    figures: {
      expected: `${describeExpectation(t.expectation)} (${t.expectation.why})`,
      outcome: t.asExpected ? 'as expected' : `UNEXPECTED: ${t.detail}`,
    },
  };
}

export function buildReport(r: AllResult): Report {
  const bad = unexpected(r);
  const models: ModelReport[] = [];
  const drawn = new Set<string>();
  for (const c of [...r.checks, ...r.mutants]) {
    // A family's statecharts go with its first configuration.
    const family = c.mutant ? undefined : c.model;
    const charts = family && !drawn.has(family) ? r.statecharts.get(family) ?? [] : [];
    if (family) drawn.add(family);
    const graph = r.graphs.get(c);
    models.push(modelReport(c, graph ? [...charts, graph] : charts));
  }
  for (const [family, charts] of r.statecharts) {
    if (drawn.has(family) || charts.length === 0) continue;
    models.push({
      name: `${family} machines`, family,
      description: `Not model-checked by a registered configuration; ${family} implementations are judged by the trace checkers (see Verified traces).`,
      properties: [], figures: { distinctStates: 0, transitions: 0, depth: 0, timeMs: 0 }, diagrams: charts, counterexamples: [],
    });
  }
  return {
    title: 'coordkit: model checks, mutants and verified traces',
    generatedAt: r.generatedAt,
    environment: {
      ...r.environment,
      outcome: bad.length === 0 ? 'everything as expected' : `${bad.length} unexpected: ${bad.join('; ')}`,
      'total time': `${(r.elapsedMs / 1000).toFixed(1)} s`,
    },
    outcome: { checked: r.checks.length + r.mutants.length + r.traceMutants.length + r.traces.length, unexpected: bad },
    models,
    traces: [
      ...r.traceMutants.map(traceMutantReport),
      ...r.traces.filter((t): t is TraceOutcome & { protocol: NonNullable<TraceOutcome['protocol']> } => t.protocol !== undefined).map(traceReport),
    ],
  };
}

/** out/report.json: everything a machine needs, without the drawings. */
export function buildJson(r: AllResult, files: { html: string; json: string }) {
  const check = (c: CheckOutcome) => ({
    ...c.summary,
    model: c.model, label: c.label, ...(c.mutant ? { mutant: c.mutant, tried: c.tried } : {}),
    expected: c.expected, asExpected: c.asExpected, detail: c.detail,
    counterexamples: c.counterexamples.map(({ property, cx }) => ({ property, steps: cx.steps })),
  });
  const bad = unexpected(r);
  return {
    generatedAt: r.generatedAt,
    elapsedMs: Math.round(r.elapsedMs),
    ok: bad.length === 0,
    unexpected: bad,
    environment: r.environment,
    checks: r.checks.map(check),
    mutants: [
      ...r.mutants.map((c) => ({ caughtBy: 'explorer' as const, ...check(c) })),
      ...r.traceMutants.map((m) => ({
        caughtBy: 'trace' as const,
        model: m.family, label: m.label, mutant: m.mutant, expected: 'caught' as const, asExpected: m.asExpected, detail: m.detail,
        events: m.events, failed: m.failed, elapsedMs: Math.round(m.elapsedMs),
      })),
    ],
    traces: r.traces.map((t) => ({
      file: t.file, protocol: t.protocol ?? null, producer: t.producer ?? null, events: t.events,
      expected: describeExpectation(t.expectation), expectedBecause: t.expectation.why,
      failed: t.failed, asExpected: t.asExpected, detail: t.detail, elapsedMs: Math.round(t.elapsedMs),
      verdicts: t.verdicts.map((v) => ({
        property: v.property, status: v.status, violations: v.violations.length,
        ...(v.violations[0] ? { firstViolation: { line: v.violations[0].line, message: v.violations[0].message } } : {}),
        figures: v.figures,
      })),
    })),
    diagrams: r.diagramFiles,
    report: files,
  };
}

export type AllJson = ReturnType<typeof buildJson>;
