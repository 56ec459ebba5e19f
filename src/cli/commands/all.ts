/**
 * `coordkit all` (what `npm start` runs): every model check, mutant, bundled trace and
 * diagram, summarised in out/report.html and out/report.json. Exit 1 only if something
 * did not go as expected.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { progressReporter } from '../check/runner.ts';
import { defaultPlan, runAll, type Console } from '../all/run.ts';
import { flag, parseOptions, path, text } from '../options.ts';

const allOptions = z.object({
  only: z.array(text()).optional(),
  traces: path(),
  mutants: flag(),
  out: path(),
  json: flag().optional(),
});

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
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseOptions(allOptions, raw);
      const plan = defaultPlan({ only: opts.only, tracesRoot: opts.traces, mutants: opts.mutants, outDir: opts.out });
      const { json } = await runAll(plan, terminal(opts.json ? process.stderr : process.stdout));
      if (opts.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      if (!json.ok) process.exitCode = 1;
    });
}
