/**
 * `coordkit run paxos|cluster --nodes N --faults kill,pause,partition --out TRACE.jsonl`:
 * the implementation as real processes on 127.0.0.1 under faults, recorded as a trace.
 * The trace is streamed to --out as it is recorded. Exit codes: 0 recorded, 2 unusable
 * input or a trace that could not be (fully) written, 3 stopped early by Ctrl-C or
 * SIGTERM (the nodes stopped, the trace a valid prefix); a second signal exits at once.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { FAULT_KINDS, type FaultKind } from '../../run/faults.ts';
import { clusterRunPlan } from '../../run/cluster-plan.ts';
import { paxosRunPlan } from '../../run/paxos-plan.ts';
import { runReal, type RunPlan } from '../../run/runner.ts';
import { bindings } from '../../drive/bindings.ts';
import { UserError } from '../errors.ts';
import { flag, parsedBy, parseOptions, path, seed, text, wholeNumber } from '../options.ts';
import { EXIT, RUN_EXIT_HELP } from '../check/exit-codes.ts';
import { checkOutputPathSync } from '../output.ts';

const isFaultKind = (k: string): k is FaultKind => (FAULT_KINDS as readonly string[]).includes(k);

/** "kill,pause" into fault kinds; "none" or nothing is no fault. */
function parseFaults(raw: string): FaultKind[] {
  if (raw === '' || raw === 'none') return [];
  return raw.split(',').map((k) => k.trim()).map((k) => {
    if (!isFaultKind(k)) throw new UserError(`unknown fault '${k}'; known: ${FAULT_KINDS.join(', ')}`, { field: '--faults' });
    return k;
  });
}

const runOptions = z.object({
  nodes: wholeNumber(1, 9),
  faults: parsedBy(parseFaults),
  duration: wholeNumber(1, 3600),
  seed: seed(),
  out: path(),
  impl: text().optional(),
  json: flag().optional(),
});

function planFor(protocol: string, nodes: number, durationMs: number): RunPlan {
  if (protocol === 'paxos') return paxosRunPlan(nodes);
  if (protocol === 'cluster') return clusterRunPlan(nodes, { durationMs });
  throw new UserError(`unknown protocol '${protocol}'; known: paxos, cluster`, { field: 'protocol' });
}

export function register(program: Command): void {
  program
    .command('run')
    .description('run an implementation as real processes on 127.0.0.1 under faults and record the trace')
    .addHelpText('after', RUN_EXIT_HELP)
    .argument('<protocol>', 'paxos (N acceptors, 2 proposers, 1 learner) or cluster (N servers, 1 client)')
    .addOption(new Option('--nodes <n>', 'acceptors (paxos) or servers (cluster)').default(3))
    .option('--faults <list>', `comma-separated: ${FAULT_KINDS.join(', ')} (or none)`, 'kill,pause,partition')
    .addOption(new Option('--duration <seconds>', 'how long to run').default(6))
    .addOption(new Option('--seed <n>', 'seed of the fault schedule').default(1))
    .requiredOption('--out <file>', 'where to write the trace (.jsonl)')
    .option('--impl <name>', 'implementation variant: reference or a mutant name (see coordkit drive --mutants)')
    .option('--json', 'print a summary as JSON')
    .action(async (protocol: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(runOptions, raw);
      const { faults } = opts;
      const plan = planFor(protocol, opts.nodes, opts.duration * 1000);
      if (opts.impl !== undefined) {
        const known = bindings[protocol]?.variants() ?? [];
        if (!known.includes(opts.impl)) throw new UserError(`no ${protocol} implementation '${opts.impl}'; known: ${known.join(', ')}`, { field: '--impl' });
        plan.variant = opts.impl;
      }
      checkOutputPathSync(opts.out, '--out');
      const log = opts.json ? () => {} : (l: string) => process.stderr.write(`${l}\n`);
      // The first Ctrl-C or SIGTERM ends the run cleanly (nodes stopped, trace closed); a second exits at once.
      const abort = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        if (abort.signal.aborted) process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
        process.stderr.write(`coordkit: ${signal}: stopping the run (again to exit at once)\n`);
        abort.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      let result: Awaited<ReturnType<typeof runReal>>;
      try {
        result = await runReal(plan, { faults, durationMs: opts.duration * 1000, seed: opts.seed, log, out: opts.out, signal: abort.signal });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      const counts: Record<string, number> = {};
      for (const e of result.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
      const summary = {
        out: opts.out, protocol, nodes: plan.nodes.length, events: result.events.length, kinds: counts, faults: result.faults,
        ended: result.ended, ...(result.writeError ? { writeError: result.writeError } : {}),
      };
      const what = result.writeError ? `recorded (not all written to ${opts.out})` : `wrote ${opts.out}`;
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${what}: ${result.events.length} events ${JSON.stringify(counts)}${result.ended === 'aborted' ? ' (stopped early)' : ''}\n`);
      if (result.writeError) process.stderr.write(`coordkit: ${result.writeError}\n`);
      process.exitCode = result.writeError ? EXIT.unusable : result.ended === 'aborted' ? EXIT.incomplete : EXIT.pass;
    });
}
