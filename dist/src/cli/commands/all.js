import { progressReporter } from '../check/runner.js';
import { defaultPlan, runAll } from '../all/run.js';
function terminal(stream) {
    const progress = progressReporter(process.stderr);
    return {
        line: (text) => stream.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`),
        progress,
        ...(process.stderr.isTTY ? { status: (text) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
    };
}
export function register(program) {
    program
        .command('all')
        .description('run everything: model checks, mutants, bundled traces, diagrams; write out/report.html and out/report.json')
        .option('--only <text...>', 'only the model configurations and mutants whose name contains one of these')
        .option('--traces <dir>', 'verify the traces under this directory (recursively)', 'traces')
        .option('--no-mutants', 'skip the Paxos mutants')
        .option('--out <dir>', 'where the report, diagrams and counterexamples go', 'out')
        .option('--json', 'print the machine-readable summary (out/report.json) on stdout; progress goes to stderr')
        .action(async (opts) => {
        const plan = defaultPlan({ only: opts.only, tracesRoot: opts.traces, mutants: opts.mutants, outDir: opts.out });
        const { json } = await runAll(plan, terminal(opts.json ? process.stderr : process.stdout));
        if (opts.json)
            process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        if (!json.ok)
            process.exitCode = 1;
    });
}
