/**
 * Runs one model check and reports it: live progress on a terminal, a summary table,
 * and for every violated property a counterexample trace file plus a step table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposedSystem } from '../../explore/compose.ts';
import { counterexample, stepTable, type Counterexample } from '../../explore/counterexample.ts';
import { readCheckpoint, writeCheckpoint } from '../../explore/checkpoint.ts';
import { UserError } from '../errors.ts';
import { search, type Progress, type SearchOptions, type SearchResult, type StopReason } from '../../explore/search.ts';
import type { SystemSpec } from '../../explore/spec.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

export interface PropertySummary {
  name: string;
  kind: string;
  description: string;
  status: 'holds' | 'violated' | 'reached' | 'unreached';
  message?: string;
  /** Steps in the counterexample or witness. */
  depth?: number;
  /** Where the counterexample trace was written. */
  trace?: string;
}

export interface CheckOptions extends SearchOptions {
  traceDir?: string;
  /** Where to save the search when it stops early (memory cap, state limit, Ctrl-C). */
  checkpoint?: string;
  /** A checkpoint to continue from. */
  resumeFrom?: string;
}

/** The search's figures, as reported (the store and snapshot stay behind). */
export interface CheckSummary extends Pick<SearchResult, 'system' | 'strategy' | 'states' | 'statesUnreduced' | 'symmetryGroup' | 'transitions' | 'depth' | 'elapsedMs' | 'complete' | 'stopReason'> {
  model: string;
  statesPerSecond: number;
  /** Where the search was saved, when it stopped early and a checkpoint file was given. */
  checkpoint?: string;
  peakRssBytes: number;
  verdict: 'pass' | 'fail' | 'incomplete';
  properties: PropertySummary[];
}

export interface CheckRun {
  summary: CheckSummary;
  result: SearchResult;
  system: ComposedSystem;
  counterexamples: Map<string, Counterexample>;
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

function resumeFrom(file: string, system: ComposedSystem) {
  try {
    return readCheckpoint(file, system);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UserError(`cannot resume: ${reason}`, { file, field: '--resume' });
  }
}

/** Checks `system` (a spec, or a system already built, e.g. to share with workers). */
export function runCheck(model: string, target: SystemSpec | ComposedSystem, options: CheckOptions): CheckRun {
  const system = target instanceof ComposedSystem ? target : new ComposedSystem(target);
  const spec = system.spec;
  const resume = options.resumeFrom ? resumeFrom(options.resumeFrom, system) : undefined;
  const result = search(system, { ...options, resume });
  let checkpoint: string | undefined;
  if (options.checkpoint && ['memory', 'state-limit', 'interrupted'].includes(result.stopReason)) {
    writeCheckpoint(options.checkpoint, system, result.snapshot());
    checkpoint = options.checkpoint;
  }
  const counterexamples = new Map<string, Counterexample>();
  const properties: PropertySummary[] = result.properties.map((p) => {
    const s: PropertySummary = { name: p.name, kind: p.kind, description: p.description, status: p.status, message: p.message };
    if (p.path) s.depth = p.path.length - 1;
    if (p.status === 'violated' && p.path) {
      const cx = counterexample(system, result.store, p.path);
      counterexamples.set(p.name, cx);
      if (options.traceDir) {
        mkdirSync(options.traceDir, { recursive: true });
        s.trace = join(options.traceDir, `${model}-${p.name}.jsonl`);
        writeFileSync(s.trace, traceToJsonl(cx));
      }
    }
    return s;
  });
  const failed = properties.some((p) => p.status === 'violated' || (p.kind === 'reachable' && p.status === 'unreached' && result.complete));
  const stoppedShort = ['memory', 'state-limit', 'interrupted'].includes(result.stopReason);
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
      verdict: failed ? 'fail' : stoppedShort ? 'incomplete' : 'pass',
      properties,
    },
    result, system, counterexamples,
  };
}

const STOPPED: Record<StopReason, string> = {
  exhausted: 'complete: every reachable state explored',
  violation: 'stopped at the first violation (--continue to go on)',
  'depth-bound': 'incomplete: states at the depth bound were not expanded',
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
    const extra = p.status === 'reached' ? ` (witness in ${p.depth} steps)` : p.status === 'unreached' ? (s.complete ? ' (never reached: vacuous?)' : ' (not reached within the bound)') : '';
    lines.push(`    ${MARK[p.status]} ${p.name.padEnd(width)}  ${p.kind === 'reachable' ? 'sometimes: ' : ''}${p.description}${extra}`);
    if (p.status === 'violated') {
      lines.push(`      ${p.message}`);
      if (p.trace) lines.push(`      counterexample (${p.depth} steps, shortest${s.strategy === 'bfs' ? '' : ' not guaranteed with dfs'}): ${p.trace}`);
      const cx = run.counterexamples.get(p.name);
      if (cx) lines.push(stepTable(cx.steps).split('\n').map((l) => `      ${l}`).join('\n'));
    }
  }
  lines.push(`  verdict: ${s.verdict.toUpperCase()}`);
  return lines.join('\n');
}
