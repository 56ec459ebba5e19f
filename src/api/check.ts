/**
 * `check(system, options)`: the model checker as a library call. The same runner as
 * `coordkit check` (verdicts PASS / FAIL / BOUNDED / INCOMPLETE, checkpoints, workers),
 * returning the summary and every counterexample as a trace (header + events, the format
 * recorded runs use) with its step table.
 */
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { traceToJsonl } from '../../conformance/schema/writer.ts';
import { formatSummary, runCheckAsync, type CheckSummary, type CheckVerdict } from '../cli/check/runner.ts';
import { ComposedSystem } from '../explore/compose.ts';
import { stepTable, type StepRow } from '../explore/counterexample.ts';
import { ParallelExpander } from '../explore/parallel.ts';
import type { Progress, Strategy } from '../explore/search.ts';
import type { SystemSpec } from '../explore/spec.ts';

export interface CheckOptions {
  /** 'bfs' (default: shortest counterexamples) or 'dfs'. */
  strategy?: Strategy;
  /** Do not expand states deeper than this (the verdict is then at best BOUNDED). */
  maxDepth?: number;
  /** Report states without successors as a violated `deadlock-free` property. */
  deadlock?: boolean;
  /** After a violation, keep going to find one counterexample per property. */
  continueAfterViolation?: boolean;
  /** Explore one state per orbit of the system's declared symmetry. */
  symmetry?: boolean;
  /** Stop (INCOMPLETE) after this many distinct states. */
  maxStates?: number;
  /** Stop (INCOMPLETE) above this resident memory, in bytes. */
  maxMemoryBytes?: number;
  /**
   * Expand states in worker threads (BFS without symmetry). Workers rebuild the system
   * from a module: `module` is its URL or path, exporting `system` / default (a system
   * or a function of `params`).
   */
  workers?: { count: number; module: string; params?: Record<string, string> };
  /** Save the search here when it stops early; `resumeFrom` continues one. */
  checkpoint?: string;
  resumeFrom?: string;
  /** Write each counterexample as `<dir>/<name>-<property>.jsonl`. */
  traceDir?: string;
  /** Called about once a second during the search. */
  onProgress?: (p: Progress) => void;
  /** Polled during the search; true stops it (INCOMPLETE, checkpointed if asked). */
  interrupted?: () => boolean;
}

/** A violated property's counterexample: a trace plus the same steps as a table. */
export interface CounterexampleTrace {
  property: string;
  message: string;
  header: TraceHeader;
  events: TraceEvent[];
  steps: StepRow[];
  /** The steps as an aligned text table (what the CLI prints). */
  table: string;
  /** The trace as JSON Lines (header first), ready to write to a file. */
  jsonl(): string;
}

export interface CheckResult {
  /** pass, fail, bounded (depth bound) or incomplete (stopped early). */
  verdict: CheckVerdict;
  /** Figures and one entry per property, as `coordkit check --json` prints them. */
  summary: CheckSummary;
  counterexamples: CounterexampleTrace[];
  /** The human summary `coordkit check` prints, step tables included. */
  text: string;
}

/**
 * Model-checks `system` exhaustively (within the given limits).
 *
 * @example
 * ```ts
 * const result = await check(system, { strategy: 'bfs' });
 * if (result.verdict !== 'pass') console.log(result.text);
 * ```
 * @returns The verdict: PASS only when every reachable state was explored, every
 * invariant holds and every reachability check was reached.
 */
export async function check(system: SystemSpec, options: CheckOptions = {}): Promise<CheckResult> {
  const composed = new ComposedSystem(system);
  if (options.workers && options.workers.count > 0 && (options.strategy === 'dfs' || options.symmetry)) {
    throw new Error('workers need breadth-first search without symmetry');
  }
  const module = options.workers?.module;
  const expander = options.workers && options.workers.count > 0 && module
    ? await ParallelExpander.start(composed, {
      workers: options.workers.count,
      recipe: {
        module: new URL(`../cli/check/user-module${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url).href,
        exportName: 'buildUserSystem',
        args: { file: module.startsWith('file:') ? new URL(module).pathname : module, params: options.workers.params ?? {} },
      },
    })
    : undefined;
  const run = await runCheckAsync(system.name, composed, {
    strategy: options.strategy ?? 'bfs',
    maxDepth: options.maxDepth,
    deadlock: options.deadlock,
    continueAfterViolation: options.continueAfterViolation,
    symmetry: options.symmetry,
    maxStates: options.maxStates,
    maxMemoryBytes: options.maxMemoryBytes,
    expander,
    checkpoint: options.checkpoint,
    resumeFrom: options.resumeFrom,
    identity: { model: system.name, '--dfs': options.strategy === 'dfs', '--symmetry': Boolean(options.symmetry), '--max-depth': options.maxDepth ?? null, '--deadlock': Boolean(options.deadlock), '--continue': Boolean(options.continueAfterViolation) },
    traceDir: options.traceDir,
    onProgress: options.onProgress,
    interrupted: options.interrupted,
  });
  const counterexamples: CounterexampleTrace[] = [];
  for (const p of run.summary.properties) {
    const cx = run.counterexamples.get(p.name);
    if (!cx) continue;
    counterexamples.push({
      property: p.name, message: p.message ?? '', header: cx.header, events: cx.events, steps: cx.steps,
      table: stepTable(cx.steps),
      jsonl: () => traceToJsonl({ header: cx.header, events: cx.events }),
    });
  }
  return { verdict: run.summary.verdict, summary: run.summary, counterexamples, text: formatSummary(run) };
}
