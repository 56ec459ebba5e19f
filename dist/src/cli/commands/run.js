import { FAULT_KINDS } from '../../run/faults.js';
import { clusterRunPlan } from '../../run/cluster-plan.js';
import { paxosRunPlan } from '../../run/paxos-plan.js';
import { runReal } from '../../run/runner.js';
import { bindings } from '../../drive/bindings.js';
import { UserError, intOption } from '../errors.js';
import { EXIT, RUN_EXIT_HELP } from '../check/exit-codes.js';
import { assertWritableFile } from '../output-paths.js';
function parseFaults(raw) {
    if (raw === '' || raw === 'none')
        return [];
    const kinds = raw.split(',').map((k) => k.trim());
    for (const k of kinds) {
        if (!FAULT_KINDS.includes(k))
            throw new UserError(`unknown fault '${k}'; known: ${FAULT_KINDS.join(', ')}`, { field: '--faults' });
    }
    return kinds;
}
function planFor(protocol, nodes, durationMs) {
    if (protocol === 'paxos')
        return paxosRunPlan(nodes);
    if (protocol === 'cluster')
        return clusterRunPlan(nodes, { durationMs });
    throw new UserError(`unknown protocol '${protocol}'; known: paxos, cluster`, { field: 'protocol' });
}
export function register(program) {
    program
        .command('run')
        .description('run an implementation as real processes on 127.0.0.1 under faults and record the trace')
        .addHelpText('after', RUN_EXIT_HELP)
        .argument('<protocol>', 'paxos (N acceptors, 2 proposers, 1 learner) or cluster (N servers, 1 client)')
        .option('--nodes <n>', 'acceptors (paxos) or servers (cluster)', intOption('nodes', 1, 9), 3)
        .option('--faults <list>', `comma-separated: ${FAULT_KINDS.join(', ')} (or none)`, 'kill,pause,partition')
        .option('--duration <seconds>', 'how long to run', intOption('duration', 1, 3600), 6)
        .option('--seed <n>', 'seed of the fault schedule', intOption('seed', 0), 1)
        .requiredOption('--out <file>', 'where to write the trace (.jsonl)')
        .option('--impl <name>', 'implementation variant: reference or a mutant name (see coordkit drive --mutants)')
        .option('--json', 'print a summary as JSON')
        .action(async (protocol, opts) => {
        const faults = parseFaults(opts.faults);
        const plan = planFor(protocol, opts.nodes, opts.duration * 1000);
        if (opts.impl !== undefined) {
            const known = bindings[protocol]?.variants() ?? [];
            if (!known.includes(opts.impl))
                throw new UserError(`no ${protocol} implementation '${opts.impl}'; known: ${known.join(', ')}`, { field: '--impl' });
            plan.variant = opts.impl;
        }
        assertWritableFile(opts.out, '--out');
        const log = opts.json ? () => { } : (l) => process.stderr.write(`${l}\n`);
        // The first Ctrl-C or SIGTERM ends the run cleanly (nodes stopped, trace closed); a second exits at once.
        const abort = new AbortController();
        const onSignal = (signal) => {
            if (abort.signal.aborted)
                process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
            process.stderr.write(`coordkit: ${signal}: stopping the run (again to exit at once)\n`);
            abort.abort();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        let result;
        try {
            result = await runReal(plan, { faults, durationMs: opts.duration * 1000, seed: opts.seed, log, out: opts.out, signal: abort.signal });
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
        const counts = {};
        for (const e of result.events)
            counts[e.kind] = (counts[e.kind] ?? 0) + 1;
        const summary = {
            out: opts.out, protocol, nodes: plan.nodes.length, events: result.events.length, kinds: counts, faults: result.faults,
            ended: result.ended, ...(result.writeError ? { writeError: result.writeError } : {}),
        };
        const what = result.writeError ? `recorded (not all written to ${opts.out})` : `wrote ${opts.out}`;
        process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${what}: ${result.events.length} events ${JSON.stringify(counts)}${result.ended === 'aborted' ? ' (stopped early)' : ''}\n`);
        if (result.writeError)
            process.stderr.write(`coordkit: ${result.writeError}\n`);
        process.exitCode = result.writeError ? EXIT.unusable : result.ended === 'aborted' ? EXIT.incomplete : EXIT.pass;
    });
}
