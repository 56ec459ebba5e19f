/**
 * `coordkit check MODEL`: exhaustive model checking of a bundled system. Exit codes in
 * ../check/exit-codes.ts (0 pass, 1 violation, 2 unusable input, 3 bounded/incomplete).
 * The first Ctrl-C or SIGTERM stops the search within a slice (~50 ms), prints partial
 * statistics and writes the checkpoint if one was asked for; a second one exits at once.
 */
import { Command, Option } from 'commander';
import type { CheckpointIdentity } from '../../explore/checkpoint.ts';
import { ComposedSystem } from '../../explore/compose.ts';
import { ParallelExpander } from '../../explore/parallel.ts';
import { CHECK_EXIT_HELP, EXIT, verdictExitCode } from '../check/exit-codes.ts';
import { checkModels, uncaughtMutantNote, type CheckModel } from '../check/models.ts';
import { formatSummary, progressReporter, runCheckAsync } from '../check/runner.ts';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { choice, flag, parseOptions, path, text, wholeNumber } from '../options.ts';
import { resolve } from 'node:path';
import type { SystemSpec } from '../../explore/spec.ts';
import { loadUserSystem, looksLikeModulePath, moduleName, parseParam, withOrigin } from '../check/user-module.ts';

/** The search options every `check` target takes (see addSearchOptions). */
const searchOptions = z.object({
  bfs: flag().optional(),
  dfs: flag().optional(),
  maxDepth: wholeNumber(0).optional(),
  deadlock: flag().optional(),
  workers: wholeNumber(0, 16),
  symmetry: flag().optional(),
  canonical: choice(['renamings', 'sorted']).optional(),
  continue: flag().optional(),
  maxMemory: wholeNumber(64),
  maxStates: wholeNumber(1).optional(),
  checkpoint: path().optional(),
  resume: path().optional(),
  traceDir: path(),
  json: flag().optional(),
});
export type SearchOptions = z.output<typeof searchOptions>;

/** `check ./system.ts`'s own option: --param pairs, collected by parseParam. */
const moduleOptions = z.object({ param: z.record(z.string(), z.string()).optional() });

/**
 * The options that define a search, keyed by flag: every option of the model (its
 * validated values, so `--ballots 2` and the default 2 are one search), and the search's
 * strategy, symmetry, depth bound, deadlock and continue flags. Not --workers,
 * --max-states, --max-memory: they change how far or how fast, not what is explored.
 */
export function searchIdentity(model: CheckModel, values: Record<string, unknown>, search: SearchOptions): CheckpointIdentity {
  const id: CheckpointIdentity = { model: model.name };
  const plain = (v: unknown) => (v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));
  for (const option of model.options()) id[option.long ?? option.flags] = plain(values[option.attributeName()]);
  id['--dfs'] = Boolean(search.dfs);
  id['--symmetry'] = Boolean(search.symmetry);
  id['--max-depth'] = plain(search.maxDepth);
  id['--deadlock'] = Boolean(search.deadlock);
  id['--continue'] = Boolean(search.continue);
  return id;
}

const SIGNAL_NUMBER: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };

/** The search options every `check` target takes (a bundled model or a user's module). */
function addSearchOptions(sub: Command): Command {
  return sub
    .addOption(new Option('--bfs', 'breadth-first: shortest counterexamples (default)'))
    .addOption(new Option('--dfs', 'depth-first').conflicts('bfs'))
    .addOption(new Option('--max-depth <n>', 'do not expand states deeper than this'))
    .option('--deadlock', 'report states with no successor')
    .addOption(new Option('--workers <n>', 'expand states in this many worker threads besides the main one, which helps (BFS without --symmetry; same counts to the end, same counterexample lengths; on n cores, n - 1 is fastest)').default(0))
    .option('--symmetry', 'explore one state per orbit of the declared symmetry (e.g. interchangeable acceptors and values); reports both counts')
    .option('--canonical <form>', 'with --symmetry: renamings (the least image under every renaming) or sorted (under those that sort a group of actors by key: cheaper for large groups); default: sorted above 48 renamings')
    .option('--continue', 'after a violation keep going, to find one counterexample per property')
    .addOption(new Option('--max-memory <MiB>', 'stop cleanly, with partial statistics, above this resident memory').default(4096))
    .addOption(new Option('--max-states <n>', 'stop cleanly once this many distinct states are stored (the new successors of the state being expanded all go in, so a few more may be)'))
    .option('--checkpoint <file>', 'save the search here when it stops early (memory cap, state limit, Ctrl-C)')
    .option('--resume <file>', 'continue a search saved with --checkpoint (same model and options)')
    .option('--trace-dir <dir>', 'where counterexample traces are written', 'out/counterexamples')
    .option('--json', 'print the summary as JSON');
}

/** How expansion workers rebuild the system: a module, an export, plain arguments. */
export interface WorkerRecipe { module: string; exportName: string; args: unknown }

/** This file's extension ('.ts' in a checkout, '.js' when built): sibling modules share it. */
const EXT = import.meta.url.slice(import.meta.url.lastIndexOf('.'));

export function register(program: Command): void {
  // `check ./system.ts --json` and `check paxos --json` both take the search options: the
  // parent's options must stop at a subcommand's name, which commander allows only when
  // every ancestor parses positionally (the program has no options of its own to lose).
  program.enablePositionalOptions();
  const check = program.command('check')
    .description('model-check a bundled system (a subcommand below) or your own module exporting one: coordkit check ./system.ts')
    .enablePositionalOptions()
    .argument('[module]', 'a .ts/.js/.mjs file exporting a system (default export or `system`), or a function of --param values returning one')
    .addOption(new Option('--param <key=value>', 'a parameter for a module that exports a function (repeatable)').argParser(parseParam))
    .addHelpText('after', CHECK_EXIT_HELP);
  addSearchOptions(check).action(async (file: string | undefined, raw: Record<string, unknown>) => {
    const search = parseOptions(searchOptions, raw);
    const { param: params = {} } = parseOptions(moduleOptions, raw);
    if (file === undefined) throw new UserError(`name a model (${checkModels.map((m) => m.name).join(', ')}) or a module file: coordkit check ./system.ts`);
    if (!looksLikeModulePath(file)) throw new UserError(`unknown model '${file}'; bundled: ${checkModels.map((m) => m.name).join(', ')}; a module file needs a path (./${file}) or an extension`);
    const spec = withOrigin(await loadUserSystem(file, params), file, params);
    const model: CheckModel = {
      name: moduleName(file),
      description: `user module ${file}`,
      options: () => [new Option('--module <file>'), new Option('--param <key=value>')],
      schema: z.object({ module: text(), param: text() }),
      build: () => spec,
      defaults: [],
    };
    await runModelCheck(model, spec, { module: resolve(file), param: JSON.stringify(params) }, search, {
      module: new URL(`../check/user-module${EXT}`, import.meta.url).href, exportName: 'buildUserSystem', args: { file: resolve(file), params },
    });
  });
  for (const model of checkModels) {
    const sub = check.command(model.name).description(model.description).addHelpText('after', CHECK_EXIT_HELP);
    for (const option of model.options()) sub.addOption(option);
    addSearchOptions(sub).action(async (raw: Record<string, unknown>) => {
      const search = parseOptions(searchOptions, raw);
      const values = parseOptions(model.schema, raw);
      // Workers rebuild the system from the option values as typed (plain strings and numbers).
      const plain = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v !== 'object'));
      await runModelCheck(model, model.build(raw), values, search, {
        module: new URL(`../check/models${EXT}`, import.meta.url).href, exportName: 'buildCheckSystem', args: { model: model.name, opts: plain },
      });
    });
  }
}

/** Checks one system with the CLI's options: progress, signals, summary, traces, exit code. */
export async function runModelCheck(
  model: CheckModel, spec: SystemSpec, values: Record<string, unknown>, opts: SearchOptions, recipe: WorkerRecipe,
): Promise<void> {
    const workers = opts.workers;
    if (workers > 0 && (opts.dfs || opts.symmetry)) {
      throw new UserError(`parallel search is breadth-first without symmetry reduction: drop ${[opts.dfs && '--dfs', opts.symmetry && '--symmetry'].filter(Boolean).join(' and ')}, or --workers`, { field: '--workers' });
    }
    if (opts.canonical && !opts.symmetry) throw new UserError('--canonical chooses the canonical form of --symmetry', { field: '--canonical' });
    if (opts.symmetry && !spec.symmetry) {
      throw new UserError(`${spec.name} declares no symmetry to reduce by`, { field: '--symmetry' });
    }
    const progress = opts.json ? undefined : progressReporter();
    // The first Ctrl-C or SIGTERM stops the search cleanly (and checkpoints it); a second one exits at once.
    let stopping: string | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`\ncoordkit: ${signal} again: exiting at once\n`);
        process.exit(128 + (SIGNAL_NUMBER[signal] ?? 2));
      }
      stopping = signal;
      progress?.done();
      process.stderr.write(`\ncoordkit: ${signal}: stopping the search${opts.checkpoint ? ` and saving ${opts.checkpoint}` : ''} (${signal === 'SIGINT' ? 'Ctrl-C' : 'a signal'} again exits at once)\n`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const system = new ComposedSystem(spec);
      // The search starts at once and hands the workers batches when they are ready.
      const expander = workers > 0 ? ParallelExpander.launch(system, { workers, recipe }) : undefined;
      const run = await runCheckAsync(model.name, system, {
        expander,
        maxMemoryBytes: opts.maxMemory * 2 ** 20,
        maxStates: opts.maxStates,
        interrupted: () => stopping !== undefined,
        checkpoint: opts.checkpoint,
        resumeFrom: opts.resume,
        identity: searchIdentity(model, values, opts),
        strategy: opts.dfs ? 'dfs' : 'bfs',
        symmetry: Boolean(opts.symmetry),
        canonicalForm: opts.canonical,
        maxDepth: opts.maxDepth,
        deadlock: Boolean(opts.deadlock),
        continueAfterViolation: Boolean(opts.continue),
        traceDir: opts.traceDir,
        onProgress: progress?.onProgress,
        onStart: () => {
          if (!opts.json) process.stderr.write(`checking ${model.name}: ${spec.name}${opts.resume ? `, resumed from ${opts.resume}` : ''} (Ctrl-C stops with partial statistics)\n`);
        },
      });
      progress?.done();
      if (typeof values.mutant === 'string' && run.summary.verdict === 'pass') run.summary.mutantNote = uncaughtMutantNote(model.name, values.mutant);
      if (opts.json) process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
      else process.stdout.write(`${formatSummary(run)}\n`);
      for (const e of run.summary.writeErrors) process.stderr.write(`coordkit: ${e}\n`);
      // A worker that stopped costs speed, not correctness (the main thread took its work): say so.
      const warnings = [...new Set(expander?.warnings ?? [])];
      for (const w of warnings.slice(0, 5)) process.stderr.write(`coordkit: warning: ${w}\n`);
      if (warnings.length > 5) process.stderr.write(`coordkit: warning: ${warnings.length - 5} more from the workers\n`);
      if (expander && process.env.COORDKIT_WORKER_STATS === '1') process.stderr.write(`workers: ${JSON.stringify(expander.stats())}\n`);
      process.exitCode = run.summary.writeErrors.length > 0 ? EXIT.unusable : verdictExitCode(run.summary.verdict);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
}
