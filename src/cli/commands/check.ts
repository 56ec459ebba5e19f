/** `coordkit check MODEL`: exhaustive model checking of a bundled system. */
import { Command, Option } from 'commander';
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
      .option('--symmetry', 'explore one state per orbit of the declared symmetry (e.g. interchangeable acceptors and values); reports both counts')
      .option('--continue', 'after a violation keep going, to find one counterexample per property')
      .addOption(new Option('--max-memory <MiB>', 'stop cleanly, with partial statistics, above this resident memory').argParser(intOption('max-memory', 64)).default(4096))
      .addOption(new Option('--max-states <n>', 'stop cleanly after this many distinct states').argParser(intOption('max-states', 1)))
      .option('--checkpoint <file>', 'save the search here when it stops early (memory cap, state limit, Ctrl-C)')
      .option('--resume <file>', 'continue a search saved with --checkpoint (same model and options)')
      .option('--trace-dir <dir>', 'where counterexample traces are written', 'out/counterexamples')
      .option('--json', 'print the summary as JSON')
      .action((opts: Record<string, unknown>) => {
        const spec = model.build(opts);
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
        const run = runCheck(model.name, spec, {
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
