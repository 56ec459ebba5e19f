/**
 * `coordkit drive <protocol>`: replays model paths against an implementation, accepting
 * every behaviour the protocol allows, and reports divergences by class (safety,
 * conformance, liveness); `--mutants` reports the kill rate of the shipped mutants.
 * Exit 0: the implementation took steps and kept up; 1: a divergence (or an adapter
 * error); 2: unusable input, including a process under test that took no step at all.
 */
import { constants } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import type { Adapter } from '../../drive/adapter.ts';
import { bindings } from '../../drive/bindings.ts';
import { openStdio } from '../../drive/foreign.ts';
import { InProcessAdapter } from '../../drive/in-process.ts';
import { killBalancers, killDriven, summarize } from '../../drive/kill.ts';
import { drive, modelFor, PATH_MODES, savePath, type DriveReport, type SavedPath } from '../../drive/modes.ts';
import { formatDivergence, implementationTrace } from '../../drive/report.ts';
import { UserError } from '../errors.ts';
import { choice, flag, parseOptions, path, seed, text, wholeNumber } from '../options.ts';

const driveOptions = z.object({
  impl: text().optional(),
  stdio: text().optional(),
  paths: choice(PATH_MODES),
  replay: path().optional(),
  budget: wholeNumber(1).optional(),
  maxSteps: wholeNumber(1, 10_000).optional(),
  seed: seed(),
  size: choice(['small', 'default']).optional(),
  restarts: wholeNumber(0, 8).optional(),
  keepGoing: flag().optional(),
  timeout: wholeNumber(1, 600_000),
  traceOut: path().optional(),
  pathOut: path().optional(),
  mutants: flag().optional(),
  json: flag().optional(),
});
type DriveOpts = z.output<typeof driveOptions>;

function bindingOf(protocol: string) {
  const b = bindings[protocol];
  if (!b) throw new UserError(`unknown protocol '${protocol}'; known: ${Object.keys(bindings).join(', ')}`, { field: 'protocol' });
  return b;
}

async function adapterFor(protocol: string, opts: DriveOpts): Promise<Adapter> {
  const binding = bindingOf(protocol);
  if (opts.impl && opts.stdio) throw new UserError('give --impl or --stdio, not both', { field: '--stdio' });
  const impl = opts.impl ?? 'reference';
  if (!binding.variants().includes(impl)) {
    throw new UserError(`no ${protocol} implementation '${impl}'; known: ${binding.variants().join(', ')}`, { field: '--impl' });
  }
  if (!opts.stdio) return new InProcessAdapter(impl, binding.factory(impl));
  const { adapter, unknownRoles } = await openStdio(binding, opts.stdio, opts.timeout);
  if (unknownRoles.length) process.stderr.write(`coordkit: warning: ${protocol} has no role ${unknownRoles.join(', ')} (claimed at hello); driving the others\n`);
  return adapter;
}

function formatReport(r: DriveReport): string {
  const lines = [
    `${r.protocol}: drove ${r.implementation} along ${r.paths} ${r.mode} paths (${r.steps} steps, restarts per path ${r.restarts}) of ${r.system}`,
    `  steps taken by the implementation under test: ${r.stepsUnderTest}`,
    `  ${r.elapsedMs.toFixed(0)} ms, ${r.pathsPerSecond.toFixed(0)} paths/s`,
  ];
  if (r.coverage) {
    lines.push(r.coverage.complete
      ? `  coverage: all ${r.coverage.edges} edges of ${r.coverage.states} explored states, in ${r.coverage.plannedPaths} paths`
      : `  coverage: partial, ${r.paths} of ${r.coverage.plannedPaths} planned paths (${r.coverage.driven} steps kept up, ${r.coverage.offPlan} left the plan through allowed alternatives) over ${r.coverage.edges} edges`);
  }
  lines.push(`  exercised: ${r.exercised.states} distinct model states; ${Object.entries(r.exercised.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const allowed = Object.entries(r.allowed);
  if (allowed.length) lines.push(`  allowed differences (not divergences): ${allowed.map(([k, n]) => `${k} x${n}`).join('; ')}`);
  if (r.shrunk) lines.push(`  fast-check shrank the diverging schedule from ${r.shrunk.from} to ${r.shrunk.to} steps`);
  if (r.divergences.length === 0) lines.push('  no divergence');
  else if (r.divergences.length === 1 && r.divergences[0].count === 1) lines.push(formatDivergence(r.divergences[0].divergence));
  else r.divergences.forEach(({ divergence, count }, i) => lines.push(formatDivergence(divergence, `divergence ${i + 1} of ${r.divergences.length} (seen ${count}x), first`)));
  const by = (c: string) => r.divergences.filter((d) => d.divergence.class === c).length;
  lines.push(r.divergences.length === 0
    ? 'verdict: PASS (no divergence)'
    : `verdict: FAIL (safety ${by('safety')}, conformance ${by('conformance')}, liveness ${by('liveness')}, adapter errors ${by('error')})`);
  return lines.join('\n');
}

async function readSavedPath(file: string, protocol: string): Promise<SavedPath> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read: ${(err as Error).message}`, { file });
  }
  let p: SavedPath;
  try {
    p = JSON.parse(text) as SavedPath;
  } catch {
    throw new UserError('not JSON (a path written by drive --path-out)', { file, line: 1 });
  }
  if (p?.format !== 'coordkit-drive-path') throw new UserError('format is not "coordkit-drive-path"', { file, field: 'format' });
  if (p.protocol !== protocol) throw new UserError(`the path is for ${String(p.protocol)}, not ${protocol}`, { file, field: 'protocol' });
  if (p.size !== 'small' && p.size !== 'default') throw new UserError('size must be small or default', { file, field: 'size' });
  if (!Number.isInteger(p.restarts) || p.restarts < 0) throw new UserError('restarts must be a whole number', { file, field: 'restarts' });
  if (!Array.isArray(p.steps) || !p.steps.every((s) => typeof s === 'string')) throw new UserError('steps must be a list of strings', { file, field: 'steps' });
  return p;
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new UserError(`cannot write: ${(err as Error).message}`, { file });
  }
}

export function register(program: Command): void {
  program
    .command('drive')
    .description('drive an implementation along model paths; report divergences by class (exit 1 if any, 2 if nothing was tested)')
    .argument('[protocol]', `protocol: ${Object.keys(bindings).join(', ')}`, 'paxos')
    .option('--impl <name>', 'in-process implementation: reference or a mutant name')
    .option('--stdio <command>', 'drive a process speaking the JSON-lines protocol (docs/drive-protocol.md); roles it does not implement run in-process')
    .option('--paths <mode>', `path selection: ${PATH_MODES.join(', ')} (fastcheck is the strongest single mode)`, 'coverage')
    .option('--replay <file>', 'replay one path saved by --path-out (instead of --paths)')
    .option('--budget <n>', 'random walks / fast-check runs / coverage paths')
    .option('--max-steps <n>', 'longest random (default 40) or fast-check (default 60) path')
    .addOption(new Option('--seed <n>', 'seed for random walks and fast-check').default(1))
    .option('--size <size>', 'model size: small or default (coverage uses small unless told)')
    .option('--restarts <n>', 'crash-restarts per path (default: 1 for random and fastcheck, 0 for coverage)')
    .option('--keep-going', 'drive every path and list every distinct divergence, classified, instead of stopping at the first')
    .addOption(new Option('--timeout <ms>', 'how long a --stdio process may take to answer one request').default(5000))
    .option('--trace-out <file>', "write what the implementation did along the diverging path as a trace (.jsonl), for verify")
    .option('--path-out <file>', 'write the diverging path (.json), for --replay')
    .option('--mutants', 'drive every shipped mutant and report the kill rate (balancer mutants judged by their checkers)')
    .option('--json', 'print the report as JSON')
    .action(async (protocol: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(driveOptions, raw);
      if (opts.mutants) {
        const driven = [];
        for (const b of Object.values(bindings)) driven.push(...(await killDriven(b, b.variants().filter((v) => v !== 'reference'), opts.seed)));
        const report = summarize([...driven, ...killBalancers()]);
        if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          for (const r of report.results) process.stdout.write(`${r.equivalent ? 'allowed ' : r.killed ? 'killed  ' : 'SURVIVED'} ${r.family.padEnd(8)} ${r.name.padEnd(34)} ${r.by ?? '-'}: ${r.detail}\n`);
          process.stdout.write(`kill rate: ${report.killed}/${report.total} (${(report.rate * 100).toFixed(1)}%)${report.equivalent ? `; ${report.equivalent} mutant(s) differ only in ways the protocol allows, not counted` : ''}\n`);
        }
        if (report.killed < report.total) process.exitCode = 1;
        return;
      }
      const binding = bindingOf(protocol);
      const replay = opts.replay ? await readSavedPath(opts.replay, protocol) : undefined;
      // Check output paths before the work starts.
      for (const f of [opts.traceOut, opts.pathOut]) {
        if (f) await access(dirname(resolve(f)), constants.W_OK).catch(() => { throw new UserError('cannot write there (no such directory, or not writable)', { file: f }); });
      }
      const adapter = await adapterFor(protocol, opts);
      let report: DriveReport;
      try {
        report = await drive(binding, adapter, {
          mode: replay ? 'replay' : opts.paths, budget: opts.budget, maxSteps: opts.maxSteps, seed: opts.seed,
          size: opts.size, restarts: opts.restarts, keepGoing: opts.keepGoing, replay,
        });
      } finally {
        await adapter.close();
      }
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
      const d = report.divergence;
      if (d) {
        const { system } = modelFor(binding, report.size, report.restarts);
        if (opts.traceOut) await write(opts.traceOut, implementationTrace(system, d));
        if (opts.pathOut) await write(opts.pathOut, `${JSON.stringify(savePath(system, report, d), null, 1)}\n`);
        process.exitCode = 1;
        return;
      }
      if (report.stepsUnderTest === 0) {
        throw new UserError(`no step ran in the implementation under test (${report.implementation}): nothing was tested`, { field: '--stdio' });
      }
    });
}
