/**
 * `coordkit check MODEL`: exhaustive model checking of a bundled system. Exit codes in
 * ../check/exit-codes.ts (0 pass, 1 violation, 2 unusable input, 3 bounded/incomplete).
 * The first Ctrl-C or SIGTERM stops the search within a slice (~50 ms), prints partial
 * statistics and writes the checkpoint if one was asked for; a second one exits at once.
 */
import { Option } from 'commander';
import { ComposedSystem } from '../../explore/compose.js';
import { ParallelExpander } from '../../explore/parallel.js';
import { CHECK_EXIT_HELP, EXIT, verdictExitCode } from '../check/exit-codes.js';
import { checkModels } from '../check/models.js';
import { formatSummary, progressReporter, runCheckAsync } from '../check/runner.js';
import { UserError, intOption } from '../errors.js';
/**
 * The options that define a search, keyed by flag: every option of the model, and the
 * search's strategy, symmetry, depth bound, deadlock and continue flags. Not --workers,
 * --max-states, --max-memory: they change how far or how fast, not what is explored.
 */
export function searchIdentity(model, opts) {
    const id = { model: model.name };
    const plain = (v) => (v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : v);
    for (const option of model.options())
        id[option.long ?? option.flags] = plain(opts[option.attributeName()]);
    id['--dfs'] = Boolean(opts.dfs);
    id['--symmetry'] = Boolean(opts.symmetry);
    id['--max-depth'] = plain(opts.maxDepth);
    id['--deadlock'] = Boolean(opts.deadlock);
    id['--continue'] = Boolean(opts.continue);
    return id;
}
const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 };
export function register(program) {
    const check = program.command('check').description('model-check a bundled system exhaustively').addHelpText('after', CHECK_EXIT_HELP);
    for (const model of checkModels) {
        const sub = check.command(model.name).description(model.description).addHelpText('after', CHECK_EXIT_HELP);
        for (const option of model.options())
            sub.addOption(option);
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
            .action(async (opts) => {
            const spec = model.build(opts);
            const workers = opts.workers;
            if (workers > 0 && (opts.dfs || opts.symmetry)) {
                throw new UserError('--workers needs breadth-first search without --symmetry', { field: '--workers' });
            }
            if (opts.symmetry && !spec.symmetry) {
                throw new UserError(`${spec.name} declares no symmetry to reduce by`, { field: '--symmetry' });
            }
            const progress = opts.json ? undefined : progressReporter();
            // The first Ctrl-C or SIGTERM stops the search cleanly (and checkpoints it); a second one exits at once.
            let stopping;
            const onSignal = (signal) => {
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
                const plain = Object.fromEntries(Object.entries(opts).filter(([, v]) => typeof v !== 'object'));
                const expander = workers > 0
                    ? await ParallelExpander.start(system, {
                        workers,
                        recipe: { module: new URL('../check/models.ts', import.meta.url).href, exportName: 'buildCheckSystem', args: { model: model.name, opts: plain } },
                    })
                    : undefined;
                const run = await runCheckAsync(model.name, system, {
                    expander,
                    maxMemoryBytes: opts.maxMemory * 2 ** 20,
                    maxStates: opts.maxStates,
                    interrupted: () => stopping !== undefined,
                    checkpoint: opts.checkpoint,
                    resumeFrom: opts.resume,
                    identity: searchIdentity(model, opts),
                    strategy: opts.dfs ? 'dfs' : 'bfs',
                    symmetry: Boolean(opts.symmetry),
                    maxDepth: opts.maxDepth,
                    deadlock: Boolean(opts.deadlock),
                    continueAfterViolation: Boolean(opts.continue),
                    traceDir: opts.traceDir,
                    onProgress: progress?.onProgress,
                    onStart: () => {
                        if (!opts.json)
                            process.stderr.write(`checking ${model.name}: ${spec.name}${opts.resume ? `, resumed from ${opts.resume}` : ''} (Ctrl-C stops with partial statistics)\n`);
                    },
                });
                progress?.done();
                if (opts.json)
                    process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
                else
                    process.stdout.write(`${formatSummary(run)}\n`);
                for (const e of run.summary.writeErrors)
                    process.stderr.write(`coordkit: ${e}\n`);
                process.exitCode = run.summary.writeErrors.length > 0 ? EXIT.unusable : verdictExitCode(run.summary.verdict);
            }
            finally {
                process.off('SIGINT', onSignal);
                process.off('SIGTERM', onSignal);
            }
        });
    }
}
