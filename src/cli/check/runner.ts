/**
 * Runs one model check and reports it: live progress on a terminal, a summary table,
 * and for every violated property a counterexample trace file plus a step table.
 *
 * The verdict says how much was checked: PASS only for a complete search with every
 * invariant holding and every reachability property reached; BOUNDED when a depth bound
 * cut the search; INCOMPLETE when it stopped early (memory, state limit, a signal).
 * Output paths are checked before the search; a write that fails afterwards is reported
 * beside the (still printed) result rather than losing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposedSystem } from '../../explore/compose.ts';
import { counterexample, stepTable, type Counterexample } from '../../explore/counterexample.ts';
import { assertCheckpointTarget, readCheckpoint, writeCheckpoint, type CheckpointIdentity } from '../../explore/checkpoint.ts';
import { UserError } from '../errors.ts';
import { checkOutputDirSync, checkOutputPathSync } from '../output.ts';
import { search, searchAsync, type Progress, type SearchOptions, type SearchResult, type StopReason } from '../../explore/search.ts';
import type { SystemSpec } from '../../explore/spec.ts';
import { checkLiveness, type Fairness, type Lasso, type LivenessProperty } from '../../explore/liveness.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

export interface PropertySummary {
  name: string;
  kind: string;
  description: string;
  /** 'holds' and 'unreached' speak only of the states explored when the search is not `complete`. */
  status: 'holds' | 'violated' | 'reached' | 'unreached';
  message?: string;
  /** Steps in the counterexample or witness. */
  depth?: number;
  /** Liveness: the lasso's shape (steps before the cycle, steps in it; 0 = stuttering) and the trace event after which it loops. */
  loop?: { prefixSteps: number; cycleSteps: number; startSeq: number };
  /** Where the counterexample trace was written. */
  trace?: string;
}

export interface CheckOptions extends SearchOptions {
  traceDir?: string;
  /** Where to save the search when it stops early (memory cap, state limit, Ctrl-C). */
  checkpoint?: string;
  /** A checkpoint to continue from. */
  resumeFrom?: string;
  /** The options that define this search, saved in a checkpoint and compared on resume. */
  identity?: CheckpointIdentity;
  /** Called once the inputs and output paths are accepted, just before the search starts. */
  onStart?: () => void;
}

/** pass: complete, nothing wrong. fail: a violation, or vacuity shown. bounded: a depth bound cut the search. incomplete: stopped early. */
export type CheckVerdict = 'pass' | 'fail' | 'bounded' | 'incomplete';

/** The search's figures, as reported (the store and snapshot stay behind). */
export interface CheckSummary extends Pick<SearchResult, 'system' | 'strategy' | 'states' | 'statesUnreduced' | 'symmetryGroup' | 'transitions' | 'depth' | 'elapsedMs' | 'complete' | 'stopReason'> {
  model: string;
  statesPerSecond: number;
  /** Where the search was saved, when it stopped early and a checkpoint file was given. */
  checkpoint?: string;
  peakRssBytes: number;
  verdict: CheckVerdict;
  /** One line saying what the verdict covers (the bound, what was not reached). */
  verdictNote: string;
  /** A `--mutant` run that passed: that the mutant was not caught here, and where it is (models.ts `uncaughtMutantNote`). */
  mutantNote?: string;
  properties: PropertySummary[];
  /** Outputs that could not be written (the result above is still whole). */
  writeErrors: string[];
}

export interface CheckRun {
  summary: CheckSummary;
  result: SearchResult;
  system: ComposedSystem;
  counterexamples: Map<string, Counterexample>;
  /** Liveness violations: the lasso (store indices) behind each such counterexample, for drawing. */
  lassos: Map<string, Lasso>;
}

const n = (x: number) => x.toLocaleString('en-US');

function progressLine(p: Progress): string {
  return `  states ${n(p.states)}  ${n(Math.round(p.statesPerSecond))}/s  transitions ${n(p.transitions)}  depth ${p.depth}  queue ${n(p.queue)}  ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** Writes progress to stderr, in place on a terminal and once per ~5 s otherwise. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: Progress) => void; done(): void } {
  let last = 0;
  return {
    onProgress(p) {
      if (stream.isTTY) stream.write(`\r${progressLine(p)}\x1b[K`);
      else if (p.elapsedMs - last >= 5000) {
        last = p.elapsedMs;
        stream.write(`${progressLine(p)}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}

function resumeFrom(file: string, system: ComposedSystem, identity: CheckpointIdentity) {
  try {
    return readCheckpoint(file, system, identity);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UserError(`cannot resume: ${reason}`, { file, field: '--resume' });
  }
}

/** Builds the system, checks the output paths and loads the checkpoint: everything that can refuse before the search. */
function prepare(target: SystemSpec | ComposedSystem, options: CheckOptions): { system: ComposedSystem; search: SearchOptions } {
  if (options.checkpoint) {
    checkOutputPathSync(options.checkpoint, '--checkpoint');
    assertCheckpointTarget(options.checkpoint);
  }
  if (options.traceDir) checkOutputDirSync(options.traceDir, '--trace-dir');
  const system = target instanceof ComposedSystem ? target : new ComposedSystem(target);
  const resume = options.resumeFrom ? resumeFrom(options.resumeFrom, system, options.identity ?? {}) : undefined;
  options.onStart?.();
  return { system, search: { ...options, resume } };
}

/** Checks `system` (a spec, or a system already built, e.g. to share with workers). */
export function runCheck(model: string, target: SystemSpec | ComposedSystem, options: CheckOptions): CheckRun {
  const { system, search: searchOptions } = prepare(target, options);
  return summarize(model, system, search(system, searchOptions), options);
}

/** As runCheck, but lets the event loop in every ~50 ms so Ctrl-C and SIGTERM handlers run. */
export async function runCheckAsync(model: string, target: SystemSpec | ComposedSystem, options: CheckOptions): Promise<CheckRun> {
  const { system, search: searchOptions } = prepare(target, options);
  return summarize(model, system, await searchAsync(system, searchOptions), options);
}

const STOPPED_EARLY: StopReason[] = ['memory', 'state-limit', 'interrupted'];

function summarize(model: string, system: ComposedSystem, result: SearchResult, options: CheckOptions): CheckRun {
  const spec = system.spec;
  const writeErrors: string[] = [];
  let checkpoint: string | undefined;
  if (options.checkpoint && STOPPED_EARLY.includes(result.stopReason)) {
    try {
      writeCheckpoint(options.checkpoint, system, result.snapshot(), options.identity ?? {});
      checkpoint = options.checkpoint;
    } catch (err) {
      writeErrors.push(`${options.checkpoint}: --checkpoint: cannot write: ${(err as Error).message}`);
    }
  }
  const counterexamples = new Map<string, Counterexample>();
  const lassos = new Map<string, Lasso>();
  const writeTrace = (s: PropertySummary, cx: Counterexample) => {
    if (!options.traceDir) return;
    const file = join(options.traceDir, `${model}-${s.name}.jsonl`);
    try {
      mkdirSync(options.traceDir, { recursive: true });
      writeFileSync(file, traceToJsonl(cx));
      s.trace = file;
    } catch (err) {
      writeErrors.push(`${file}: --trace-dir: cannot write: ${(err as Error).message}`);
    }
  };
  const properties: PropertySummary[] = result.properties.map((p) => {
    const s: PropertySummary = { name: p.name, kind: p.kind, description: p.description, status: p.status, message: p.message };
    if (p.path) s.depth = p.path.length - 1;
    if (p.status === 'violated' && p.path) {
      const cx = counterexample(system, result.store, p.path);
      counterexamples.set(p.name, cx);
      writeTrace(s, cx);
    }
    return s;
  });
  /** Liveness properties (a system from defineSystem may declare them): judged on the whole graph, so only after a complete search. */
  const live = spec as SystemSpec & { liveness?: LivenessProperty[]; fairness?: Fairness };
  /** Why declared liveness properties were not judged (then they are left out of the table), or null. */
  const livenessSkipped = !live.liveness?.length ? null
    : result.symmetryGroup > 1 ? 'not checked under --symmetry'
      : !result.complete ? 'not checked: the search was not complete' : null;
  const livenessSummaries = (): PropertySummary[] => {
    if (!live.liveness || live.liveness.length === 0 || livenessSkipped) return [];
    return checkLiveness(system, result.store, live.liveness, live.fairness).map((r) => {
      const s: PropertySummary = { name: r.name, kind: r.kind, description: r.description, status: r.status, message: r.message };
      if (r.lasso && r.counterexample) {
        s.depth = r.lasso.loopAt + r.lasso.cycleSteps;
        s.loop = r.counterexample.loop;
        counterexamples.set(r.name, r.counterexample);
        lassos.set(r.name, r.lasso);
        writeTrace(s, r.counterexample);
      }
      return s;
    });
  };
  properties.push(...livenessSummaries());
  const judged = judge(result, properties);
  const verdict: CheckVerdict = livenessSkipped && judged.verdict === 'pass' ? 'incomplete' : judged.verdict;
  // A PASS needs every declared property judged: liveness skipped under --symmetry is not a pass.
  const note = livenessSkipped ? `${judged.note}; liveness (${live.liveness!.map((p) => p.name).join(', ')}) ${livenessSkipped}` : judged.note;
  return {
    summary: {
      model, system: spec.name, strategy: options.strategy,
      states: result.states, statesUnreduced: result.statesUnreduced, symmetryGroup: result.symmetryGroup, transitions: result.transitions, depth: result.depth,
      elapsedMs: Math.round(result.elapsedMs),
      statesPerSecond: Math.round(result.states / Math.max(result.elapsedMs / 1000, 1e-3)),
      complete: result.complete,
      stopReason: result.stopReason,
      checkpoint,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      verdict, verdictNote: note,
      properties,
      writeErrors,
    },
    result, system, counterexamples, lassos,
  };
}

const STOP_NOTE: Partial<Record<StopReason, string>> = {
  memory: 'stopped at the memory cap (--max-memory)',
  'state-limit': 'stopped at the state limit (--max-states)',
  interrupted: 'stopped by a signal (Ctrl-C or SIGTERM)',
};

/** The verdict and what it covers. PASS needs a complete search; a violation is a FAIL whatever the bound. */
export function judge(result: Pick<SearchResult, 'complete' | 'stopReason' | 'states' | 'depth'>, properties: Pick<PropertySummary, 'name' | 'kind' | 'status'>[]): { verdict: CheckVerdict; note: string } {
  const violated = properties.filter((p) => p.status === 'violated').map((p) => p.name);
  const unreached = properties.filter((p) => p.kind === 'reachable' && p.status === 'unreached').map((p) => p.name);
  if (violated.length > 0) return { verdict: 'fail', note: `violated: ${violated.join(', ')}` };
  if (result.complete) {
    return unreached.length > 0
      ? { verdict: 'fail', note: `never reached in the whole state space (vacuous): ${unreached.join(', ')}` }
      : { verdict: 'pass', note: 'every reachable state explored' };
  }
  const vacuity = unreached.length > 0 ? `; not reached, so vacuity not ruled out: ${unreached.join(', ')}` : '';
  if (result.stopReason === 'depth-bound') {
    return { verdict: 'bounded', note: `no violation within depth ${result.depth} (states deeper were not explored)${vacuity}` };
  }
  return { verdict: 'incomplete', note: `${STOP_NOTE[result.stopReason] ?? result.stopReason} after ${n(result.states)} states; no violation among them${vacuity}` };
}

const STOPPED: Record<StopReason, string> = {
  exhausted: 'complete: every reachable state explored',
  violation: 'stopped at the first violation (--continue to go on)',
  'depth-bound': 'BOUNDED: states at the depth bound were not expanded',
  memory: 'INCOMPLETE: stopped at the memory cap (--max-memory); partial statistics',
  'state-limit': 'INCOMPLETE: stopped at the state limit (--max-states); partial statistics',
  interrupted: 'INCOMPLETE: interrupted; partial statistics',
};

const MARK: Record<PropertySummary['status'], string> = { holds: '✓', reached: '✓', violated: '✗', unreached: '✗' };

/** The human summary: counts, timing, one line per property, step tables of counterexamples. */
export function formatSummary(run: CheckRun): string {
  const s = run.summary;
  const lines = [
    `${s.model}: ${s.system} (${s.strategy})`,
    `  distinct states  ${n(s.states)}${s.symmetryGroup > 1 ? ` up to symmetry (${n(s.statesUnreduced)} without reduction; ${s.symmetryGroup} renamings)` : ''}`,
    `  transitions      ${n(s.transitions)}`,
    `  depth            ${s.depth}`,
    `  time             ${(s.elapsedMs / 1000).toFixed(2)} s (${n(s.statesPerSecond)} states/s), peak memory ${n(Math.round(s.peakRssBytes / 2 ** 20))} MiB`,
    `  search           ${STOPPED[s.stopReason]}`,
    ...(s.checkpoint ? [`  checkpoint       ${s.checkpoint} (continue with --resume ${s.checkpoint})`] : []),
    '  properties',
  ];
  const width = Math.max(...s.properties.map((p) => p.name.length));
  for (const p of s.properties) {
    // Stopped early (a violation, a bound, a limit), a property that held was checked only on the states explored.
    const extra = p.status === 'reached' ? ` (witness in ${p.depth} steps)`
      : p.status === 'unreached' ? (s.complete ? ' (never reached: vacuous?)' : ' (not reached in the states explored)')
      : p.status === 'holds' && !s.complete ? ' (in the states explored)' : '';
    const prefix = p.kind === 'reachable' ? 'sometimes: ' : p.kind === 'eventually' ? 'eventually: ' : p.kind === 'leadsTo' ? 'leads to: ' : '';
    lines.push(`    ${MARK[p.status]} ${p.name.padEnd(width)}  ${prefix}${p.description}${extra}`);
    if (p.status === 'violated') {
      lines.push(`      ${p.message}`);
      if (p.loop) lines.push(`      lasso: ${p.loop.prefixSteps} steps, then ${p.loop.cycleSteps === 0 ? 'the last state stutters forever' : `a cycle of ${p.loop.cycleSteps} steps (from step ${p.loop.prefixSteps + 1}) repeats forever`}${p.trace ? `: ${p.trace}` : ''}`);
      else if (p.trace) lines.push(`      counterexample (${p.depth} steps, shortest${s.strategy === 'bfs' ? '' : ' not guaranteed with dfs'}): ${p.trace}`);
      const cx = run.counterexamples.get(p.name);
      if (cx) lines.push(stepTable(cx.steps).split('\n').map((l) => `      ${l}`).join('\n'));
    }
  }
  if (s.mutantNote) lines.push(`  mutant: ${s.mutantNote}`);
  lines.push(`  verdict: ${s.verdict.toUpperCase()}${s.verdict === 'pass' ? '' : `: ${s.verdictNote}`}`);
  return lines.join('\n');
}
