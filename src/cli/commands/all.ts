/**
 * `coordkit all` (what `npm start` runs): every model check, mutant, bundled trace and
 * diagram, summarised in out/report.html and out/report.json. Exit 1 only if something
 * did not go as expected. `all --system FILE` runs the same job for a user's own system.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { parseParam } from '../check/user-module.ts';
import { runUserSystem } from '../all/user-system.ts';
import { UserError } from '../errors.ts';
import { progressReporter } from '../check/runner.ts';
import { defaultPlan, runAll, type Console } from '../all/run.ts';
import { flag, parseOptions, path, text } from '../options.ts';

const allOptions = z.object({
  only: z.array(text()).optional(),
  traces: path(),
  mutants: flag(),
  out: path(),
  json: flag().optional(),
  system: path().optional(),
  /** --param pairs, collected by parseParam. */
  param: z.record(z.string(), z.string()).optional(),
});
type AllOptions = z.output<typeof allOptions>;

function terminal(stream: NodeJS.WriteStream): Console {
  const progress = progressReporter(process.stderr);
  return {
    line: (text) => stream.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`),
    progress,
    ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
  };
}

export function register(program: Command): void {
  program
    .command('all')
    .description('run everything: model checks, mutants, bundled traces, diagrams; write out/report.html and out/report.json')
    .option('--only <text...>', 'only the model configurations and mutants whose name contains one of these')
    .option('--traces <dir>', 'verify the traces under this directory (recursively)', 'traces')
    .option('--no-mutants', "skip the mutants (every family's deliberately broken models and implementations)")
    .option('--out <dir>', 'where the report, diagrams and counterexamples go', 'out')
    .option('--json', 'print the machine-readable summary (out/report.json) on stdout; progress goes to stderr')
    .option('--system <file>', 'run the job for your own system (a module, as for coordkit check FILE) instead of the bundled ones')
    .addOption(new Option('--param <key=value>', 'a parameter for a --system module that exports a function (repeatable)').argParser(parseParam))
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseOptions(allOptions, raw);
      if (opts.system !== undefined || opts.param !== undefined) return runForSystem(opts);
      const plan = defaultPlan({ only: opts.only, tracesRoot: opts.traces, mutants: opts.mutants, outDir: opts.out });
      const { json } = await runAll(plan, terminal(opts.json ? process.stderr : process.stdout));
      if (opts.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      if (!json.ok) process.exitCode = 1;
    });
}

/** `all --system FILE`: the job for a user's system (src/cli/all/user-system.ts). */
async function runForSystem(opts: AllOptions): Promise<void> {
  if (opts.system === undefined) throw new UserError('--param needs --system', { field: '--param' });
  if (opts.only !== undefined) throw new UserError('--only selects bundled configurations; with --system there is one system to check', { field: '--only' });
  const { json } = await runUserSystem({ file: opts.system, params: opts.param ?? {}, outDir: opts.out }, terminal(opts.json ? process.stderr : process.stdout));
  if (opts.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  if (!json.ok) process.exitCode = 1;
}
