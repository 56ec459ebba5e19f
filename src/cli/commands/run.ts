/**
 * `coordkit run paxos|cluster --nodes N --faults kill,pause,partition --out TRACE.jsonl`:
 * the implementation as real processes on 127.0.0.1 under faults, recorded as a trace.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FAULT_KINDS, type FaultKind } from '../../run/faults.ts';
import { clusterRunPlan } from '../../run/cluster-plan.ts';
import { paxosRunPlan } from '../../run/paxos-plan.ts';
import { runReal, type RunPlan } from '../../run/runner.ts';
import { bindings } from '../../drive/bindings.ts';
import { UserError, intOption } from '../errors.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

interface RunOpts {
  nodes: number;
  faults: string;
  duration: number;
  seed: number;
  out: string;
  impl?: string;
  json?: boolean;
}

function parseFaults(raw: string): FaultKind[] {
  if (raw === '' || raw === 'none') return [];
  const kinds = raw.split(',').map((k) => k.trim());
  for (const k of kinds) {
    if (!FAULT_KINDS.includes(k as FaultKind)) throw new UserError(`unknown fault '${k}'; known: ${FAULT_KINDS.join(', ')}`, { field: '--faults' });
  }
  return kinds as FaultKind[];
}

function planFor(protocol: string, nodes: number, durationMs: number): RunPlan {
  if (protocol === 'paxos') return paxosRunPlan(nodes);
  if (protocol === 'cluster') return clusterRunPlan(nodes, { durationMs });
  throw new UserError(`unknown protocol '${protocol}'; known: paxos, cluster`, { field: 'protocol' });
}

export function register(program: Command): void {
  program
    .command('run')
    .description('run an implementation as real processes on 127.0.0.1 under faults and record the trace')
    .argument('<protocol>', 'paxos (N acceptors, 2 proposers, 1 learner) or cluster (N servers, 1 client)')
    .option('--nodes <n>', 'acceptors (paxos) or servers (cluster)', intOption('nodes', 1, 9), 3)
    .option('--faults <list>', `comma-separated: ${FAULT_KINDS.join(', ')} (or none)`, 'kill,pause,partition')
    .option('--duration <seconds>', 'how long to run', intOption('duration', 1, 3600), 6)
    .option('--seed <n>', 'seed of the fault schedule', intOption('seed', 0), 1)
    .requiredOption('--out <file>', 'where to write the trace (.jsonl)')
    .option('--impl <name>', 'implementation variant: reference or a mutant name (see coordkit drive --mutants)')
    .option('--json', 'print a summary as JSON')
    .action(async (protocol: string, opts: RunOpts) => {
      const faults = parseFaults(opts.faults);
      const plan = planFor(protocol, opts.nodes, opts.duration * 1000);
      if (opts.impl !== undefined) {
        const known = bindings[protocol]?.variants() ?? [];
        if (!known.includes(opts.impl)) throw new UserError(`no ${protocol} implementation '${opts.impl}'; known: ${known.join(', ')}`, { field: '--impl' });
        plan.variant = opts.impl;
      }
      const log = opts.json ? () => {} : (l: string) => process.stderr.write(`${l}\n`);
      const result = await runReal(plan, { faults, durationMs: opts.duration * 1000, seed: opts.seed, log });
      try {
        await writeFile(opts.out, traceToJsonl(result));
      } catch (err) {
        throw new UserError(`cannot write: ${(err as Error).message}`, { file: opts.out });
      }
      const counts: Record<string, number> = {};
      for (const e of result.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
      const summary = { out: opts.out, protocol, nodes: plan.nodes.length, events: result.events.length, kinds: counts, faults: result.faults };
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `wrote ${opts.out}: ${result.events.length} events ${JSON.stringify(counts)}\n`);
    });
}
