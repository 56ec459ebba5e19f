/** `coordkit check MODEL`: exhaustive model checking of a bundled system. */
import { Command, Option } from 'commander';
import { checkModels } from '../check/models.ts';
import { formatSummary, progressReporter, runCheck } from '../check/runner.ts';
import { intOption } from '../errors.ts';

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
      .option('--continue', 'after a violation keep going, to find one counterexample per property')
      .option('--trace-dir <dir>', 'where counterexample traces are written', 'out/counterexamples')
      .option('--json', 'print the summary as JSON')
      .action((opts: Record<string, unknown>) => {
        const spec = model.build(opts);
        const progress = opts.json ? undefined : progressReporter();
        const run = runCheck(model.name, spec, {
          strategy: opts.dfs ? 'dfs' : 'bfs',
          maxDepth: opts.maxDepth as number | undefined,
          deadlock: Boolean(opts.deadlock),
          continueAfterViolation: Boolean(opts.continue),
          traceDir: opts.traceDir as string,
          onProgress: progress?.onProgress,
        });
        progress?.done();
        if (opts.json) process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
        else process.stdout.write(`${formatSummary(run)}\n`);
        if (run.summary.verdict === 'fail') process.exitCode = 1;
      });
  }
}
