/**
 * `coordkit drive <protocol>`: replays model paths against an implementation and reports
 * the first divergence; `--mutants` reports the kill rate of the shipped mutants.
 */
import { writeFile } from 'node:fs/promises';
import { bindings } from '../../drive/bindings.js';
import { InProcessAdapter, RoutedAdapter } from '../../drive/in-process.js';
import { killBalancers, killDriven, summarize } from '../../drive/kill.js';
import { drive, modelFor, PATH_MODES } from '../../drive/modes.js';
import { divergenceTrace, formatDivergence } from '../../drive/report.js';
import { StdioAdapter } from '../../drive/stdio.js';
import { UserError, intOption } from '../errors.js';
function bindingOf(protocol) {
    const b = bindings[protocol];
    if (!b)
        throw new UserError(`unknown protocol '${protocol}'; known: ${Object.keys(bindings).join(', ')}`, { field: 'protocol' });
    return b;
}
async function adapterFor(protocol, opts) {
    const binding = bindingOf(protocol);
    if (opts.impl && opts.stdio)
        throw new UserError('give --impl or --stdio, not both', { field: '--stdio' });
    const impl = opts.impl ?? 'reference';
    if (!binding.variants().includes(impl)) {
        throw new UserError(`no ${protocol} implementation '${impl}'; known: ${binding.variants().join(', ')}`, { field: '--impl' });
    }
    const local = new InProcessAdapter(impl, binding.factory(impl));
    if (!opts.stdio)
        return local;
    const foreign = new StdioAdapter(opts.stdio);
    try {
        const hello = await foreign.hello();
        return new RoutedAdapter(foreign, new Set(hello.roles), new InProcessAdapter('reference', binding.factory()));
    }
    catch (err) {
        await foreign.close();
        throw new UserError(err.message, { field: '--stdio' });
    }
}
function formatReport(r) {
    const lines = [
        `${r.protocol}: drove ${r.implementation} along ${r.paths} ${r.mode} paths (${r.steps} steps) of ${r.system}`,
        `  ${r.elapsedMs.toFixed(0)} ms, ${r.pathsPerSecond.toFixed(0)} paths/s`,
    ];
    if (r.coverage) {
        lines.push(r.coverage.complete
            ? `  coverage: all ${r.coverage.edges} edges of ${r.coverage.states} explored states, in ${r.coverage.plannedPaths} paths`
            : `  coverage: partial, ${r.paths} of ${r.coverage.plannedPaths} planned paths (${r.coverage.driven} steps kept up) over ${r.coverage.edges} edges`);
    }
    if (r.shrunk)
        lines.push(`  fast-check shrank the diverging schedule from ${r.shrunk.from} to ${r.shrunk.to} steps`);
    lines.push(r.divergence ? formatDivergence(r.divergence) : '  no divergence');
    return lines.join('\n');
}
export function register(program) {
    program
        .command('drive')
        .description('drive an implementation along model paths and report the first divergence (exit 1 if any)')
        .argument('[protocol]', `protocol: ${Object.keys(bindings).join(', ')}`, 'paxos')
        .option('--impl <name>', 'in-process implementation: reference or a mutant name')
        .option('--stdio <command>', 'drive a process speaking the JSON-lines protocol (docs/drive-protocol.md); roles it does not implement run in-process')
        .option('--paths <mode>', `path selection: ${PATH_MODES.join(', ')}`, 'coverage')
        .option('--budget <n>', 'random walks / fast-check runs / coverage paths', intOption('budget', 1))
        .option('--max-steps <n>', 'longest random or fast-check path', intOption('max-steps', 1, 10_000), 40)
        .option('--seed <n>', 'seed for random walks and fast-check', intOption('seed', 0), 1)
        .option('--size <size>', 'model size: small or default (coverage uses small unless told)')
        .option('--trace-out <file>', 'write the diverging path as a trace (.jsonl)')
        .option('--mutants', 'drive every shipped mutant and report the kill rate (balancer mutants judged by their checkers)')
        .option('--json', 'print the report as JSON')
        .action(async (protocol, opts) => {
        if (opts.mutants) {
            const driven = [];
            for (const b of Object.values(bindings))
                driven.push(...(await killDriven(b, b.variants().filter((v) => v !== 'reference'), opts.seed)));
            const report = summarize([...driven, ...killBalancers()]);
            if (opts.json)
                process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
            else {
                for (const r of report.results)
                    process.stdout.write(`${r.killed ? 'killed  ' : 'SURVIVED'} ${r.family.padEnd(8)} ${r.name.padEnd(34)} ${r.by ?? '-'}: ${r.detail}\n`);
                process.stdout.write(`kill rate: ${report.killed}/${report.total} (${(report.rate * 100).toFixed(1)}%)\n`);
            }
            if (report.killed < report.total)
                process.exitCode = 1;
            return;
        }
        if (!PATH_MODES.includes(opts.paths))
            throw new UserError(`--paths must be one of ${PATH_MODES.join(', ')}, got '${opts.paths}'`, { field: '--paths' });
        if (opts.size !== undefined && opts.size !== 'small' && opts.size !== 'default')
            throw new UserError(`--size must be small or default, got '${opts.size}'`, { field: '--size' });
        const binding = bindingOf(protocol);
        const adapter = await adapterFor(protocol, opts);
        let report;
        try {
            report = await drive(binding, adapter, {
                mode: opts.paths, budget: opts.budget, maxSteps: opts.maxSteps, seed: opts.seed,
                size: opts.size,
            });
        }
        finally {
            await adapter.close();
        }
        if (report.divergence && opts.traceOut) {
            const size = opts.size ?? (report.mode === 'coverage' ? 'small' : 'default');
            try {
                await writeFile(opts.traceOut, divergenceTrace(modelFor(binding, size).system, report.divergence));
            }
            catch (err) {
                throw new UserError(`cannot write: ${err.message}`, { file: opts.traceOut });
            }
        }
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
        if (report.divergence)
            process.exitCode = 1;
    });
}
