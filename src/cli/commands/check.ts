/** `coordkit check MODEL`: exhaustive model checking of a bundled system. */
import { Command, Option } from 'commander';
import { ComposedSystem } from '../../explore/compose.ts';
import { ParallelExpander } from '../../explore/parallel.ts';
import { checkModels } from '../check/models.ts';
import { formatSummary, progressReporter, runCheck } from '../check/runner.ts';
import { UserError, intOption } from '../errors.ts';

export function register(program: Command): void {
  const check = program.command('check').description('model-check a bundled system exhaustively');
  for (const model of checkModels) {
    const sub = check.command(model.name).description(model.description);
    for (const option of model.options()) sub.addOption(option);
    sub
      .addOption(new Option('--bfs', 'breadth-first: shortest counterexamples (default)'))
      .addOption(new Option('--dfs', 'depth-first').conflicts('bfs'))
      .addOption(new Option('--max-depth <n>', 'do not expand states deeper than this').argParser(intOption('max-depth', 0)))
      .option('--deadlock', 'report states with no successor')
      .addOption(new Option('--workers <n>', 'expand states in this many worker threads besides the main one (BFS; same result)').argParser(intOption('workers', 0, 16)).default(0))
      .option('--symmetry', 'explore one state per orbit of the declared symmetry (e.g. interchangeable acceptors and values); reports both counts')
      .option('--continue', 'after a violation keep going, to find one counterexample per property')
      .addOption(new Option('--max-memory <MiB>', 'stop cleanly, with partial statistics, above this resident memory').argParser(intOption('max-memory', 64)).default(4096))
      .addOption(new Option('--max-states <n>', 'stop cleanly after this many distinct states').argParser(intOption('max-states', 1)))
      .option('--checkpoint <file>', 'save the search here when it stops early (memory cap, state limit, Ctrl-C)')
      .option('--resume <file>', 'continue a search saved with --checkpoint (same model and options)')
      .option('--trace-dir <dir>', 'where counterexample traces are written', 'out/counterexamples')
      .option('--json', 'print the summary as JSON')
      .action(async (opts: Record<string, unknown>) => {
        const spec = model.build(opts);
        const workers = opts.workers as number;
        if (workers > 0 && (opts.dfs || opts.symmetry)) {
          throw new UserError('--workers needs breadth-first search without --symmetry', { field: '--workers' });
        }
        if (opts.symmetry && !spec.symmetry) {
          throw new UserError(`${spec.name} declares no symmetry to reduce by`, { field: '--symmetry' });
        }
        const progress = opts.json ? undefined : progressReporter();
        // First Ctrl-C stops the search cleanly (and checkpoints it); a second one kills.
        let interrupted = false;
        const onSigint = () => {
          if (interrupted) process.exit(130);
          interrupted = true;
        };
        process.on('SIGINT', onSigint);
        const system = new ComposedSystem(spec);
        const plain = Object.fromEntries(Object.entries(opts).filter(([, v]) => typeof v !== 'object'));
        const expander = workers > 0
          ? await ParallelExpander.start(system, {
            workers,
            recipe: { module: new URL('../check/models.ts', import.meta.url).href, exportName: 'buildCheckSystem', args: { model: model.name, opts: plain } },
          })
          : undefined;
        const run = runCheck(model.name, system, {
          expander,
          maxMemoryBytes: (opts.maxMemory as number) * 2 ** 20,
          maxStates: opts.maxStates as number | undefined,
          interrupted: () => interrupted,
          checkpoint: opts.checkpoint as string | undefined,
          resumeFrom: opts.resume as string | undefined,
          strategy: opts.dfs ? 'dfs' : 'bfs',
          symmetry: Boolean(opts.symmetry),
          maxDepth: opts.maxDepth as number | undefined,
          deadlock: Boolean(opts.deadlock),
          continueAfterViolation: Boolean(opts.continue),
          traceDir: opts.traceDir as string,
          onProgress: progress?.onProgress,
        });
        process.off('SIGINT', onSigint);
        progress?.done();
        if (opts.json) process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
        else process.stdout.write(`${formatSummary(run)}\n`);
        if (run.summary.verdict !== 'pass') process.exitCode = 1;
      });
  }
}
