/**
 * `coordkit verify TRACE.jsonl...`: judge recorded traces against the protocol's properties.
 *
 * Every file gets its own result, printed as soon as it is judged: a report, or for a
 * malformed file its one-line error (stderr; in --json an entry with `error`). The exit
 * code is the worst over all files: 0 every trace passed; 1 a property failed; 2 a trace
 * could not be judged (malformed, no events, or every property skipped: nothing was
 * checked). The JUnit file, checked before any work starts, holds every file.
 * `--system FILE` judges `custom` traces (a user's system) by replaying them on it.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { systemCheckers } from '../../api/system-checkers.ts';
import type { SystemSpec } from '../../explore/spec.ts';
import { loadUserSystem, parseParam } from '../check/user-module.ts';
import { formatClasses, formatJunit, formatText, type UnjudgedTrace } from '../../../conformance/checkers/format.ts';
import { outcomeOf, verifyItems, type Outcome, type TraceReport } from '../../../conformance/checkers/run.ts';
import { readTraceFileBatches, STDIN, traceName } from '../../../conformance/schema/reader.ts';
import { UserError } from '../errors.ts';
import { flag, parseOptions, path } from '../options.ts';
import { checkOutputPath, saveResult } from '../output.ts';

const verifyOptions = z.object({
  json: flag().optional(),
  junit: path().optional(),
  refinement: flag(),
  system: path().optional(),
  deadlock: flag().optional(),
  /** --param pairs, collected by parseParam. */
  param: z.record(z.string(), z.string()).optional(),
});

/** Refinement replays XState machines and is far slower than the streaming checkers. */
const REFINEMENT = new Set(['paxos.refinement']);

/** One file's result: its report, or the user error that kept it from being judged. */
export type FileResult = { file: string; report: TraceReport } | { file: string; error: UserError };

/** The exit code of one result: 0 pass, 1 a property failed, 2 nothing could be judged. */
export function exitCodeOf(r: FileResult): 0 | 1 | 2 {
  if ('error' in r) return 2;
  const outcome: Outcome = outcomeOf(r.report);
  return outcome === 'pass' ? 0 : outcome === 'fail' ? 1 : 2;
}

/** Judges files one by one; a malformed file is a result, not the end of the others. */
export async function* judgeFiles(files: string[], opts: { refinement?: boolean; system?: SystemSpec; deadlock?: boolean } = {}): AsyncGenerator<FileResult> {
  const skip = opts.refinement === false ? REFINEMENT : new Set<string>();
  for (const path of files) {
    const file = traceName(path);
    try {
      yield { file, report: await verifyItems(readTraceFileBatches(path), file, skip, opts.system && systemCheckers(opts.system, file, { deadlock: opts.deadlock })) };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      yield { file, error: err };
    }
  }
}

/** Reports of every file; throws the first malformed file's error (for callers that need all). */
export async function verifyFiles(files: string[], opts: { refinement?: boolean; system?: SystemSpec } = {}): Promise<TraceReport[]> {
  const reports: TraceReport[] = [];
  for await (const r of judgeFiles(files, opts)) {
    if ('error' in r) throw r.error;
    reports.push(r.report);
  }
  return reports;
}

const UNCHECKED = '  NOT CHECKED: every property was skipped, so nothing was judged (exit 2)';

function textOf(r: FileResult & { report: TraceReport }): string {
  const text = formatText(r.report);
  return outcomeOf(r.report) === 'unchecked' ? `${text}\n${UNCHECKED}` : text;
}

function jsonOf(r: FileResult): unknown {
  if ('error' in r) return { file: r.file, outcome: 'malformed', error: { message: r.error.message, ...r.error.where } };
  return { ...r.report, outcome: outcomeOf(r.report) };
}

function summary(results: FileResult[]): string {
  const n = { pass: 0, fail: 0, unchecked: 0, malformed: 0 };
  for (const r of results) n['error' in r ? 'malformed' : outcomeOf(r.report)]++;
  return `${results.length} traces: ${n.pass} pass, ${n.fail} fail, ${n.unchecked} not checked, ${n.malformed} malformed`;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('check recorded traces (JSON Lines) against every property of their protocol; exit 0 all pass, 1 a property fails, 2 a trace could not be judged (malformed, no events, every property skipped)')
    .argument('<traces...>', "trace files (.jsonl); '-' reads standard input")
    .option('--json', 'print the reports as JSON')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per property)')
    .option('--no-refinement', 'skip replaying the trace against the XState models (much faster on long traces)')
    .option('--system <file>', "a custom-protocol trace's system: the module it was checked from (coordkit check FILE); its trace is replayed on it")
    .addOption(new Option('--param <key=value>', 'a parameter for a --system module that exports a function (repeatable)').argParser(parseParam))
    .option('--deadlock', 'with --system: the trace must not end where the model can take no step (deadlock-free, as check --deadlock)')
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const opts = parseOptions(verifyOptions, raw);
      if (files.filter((f) => f === STDIN).length > 1) throw new UserError(`standard input ('${STDIN}') can be read only once`);
      if (opts.junit !== undefined) await checkOutputPath(opts.junit, '--junit');
      if (opts.param !== undefined && opts.system === undefined) throw new UserError('--param needs --system', { field: '--param' });
      if (opts.deadlock && opts.system === undefined) throw new UserError('--deadlock needs --system', { field: '--deadlock' });
      const system = opts.system === undefined ? undefined : await loadUserSystem(opts.system, opts.param ?? {});
      const results: FileResult[] = [];
      let code = 0;
      for await (const r of judgeFiles(files, { refinement: opts.refinement, system, deadlock: opts.deadlock })) {
        results.push(r);
        code = Math.max(code, exitCodeOf(r));
        process.exitCode = code; // the worst so far, should output end early (a closed pipe)
        // Each file's result as soon as it is known: a long batch shows progress, and a
        // later crash or kill cannot take the earlier reports with it.
        if ('error' in r) process.stderr.write(`coordkit: ${r.error.format()}\n`);
        if (!opts.json && 'report' in r) process.stdout.write(`${results.length > 1 ? '\n' : ''}${textOf(r)}\n`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(results.map(jsonOf), null, 2)}\n`);
      else if (results.length > 1) process.stdout.write(`\n${summary(results)}\n`);
      // Which property classes failed (safety, conformance, liveness): conformance/checkers/classes.ts.
      if (!opts.json && results.some((r) => 'report' in r)) process.stdout.write(`${formatClasses(results.flatMap((r) => ('report' in r ? [r.report] : [])))}\n`);
      process.exitCode = code;
      if (opts.junit !== undefined) {
        const entries = results.map((r): TraceReport | UnjudgedTrace => ('error' in r ? { file: r.file, error: r.error.format() } : r.report));
        await saveResult(opts.junit, formatJunit(entries));
      }
    });
}
