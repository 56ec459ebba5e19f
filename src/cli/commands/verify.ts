/** `coordkit verify TRACE.jsonl...`: judge recorded traces against the protocol's properties. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatJunit, formatSummary, formatText } from '../../../conformance/checkers/format.ts';
import { failed, verifyItems, type TraceReport } from '../../../conformance/checkers/run.ts';
import { readTraceFileBatches } from '../../../conformance/schema/reader.ts';
import { UserError } from '../errors.ts';

interface VerifyOptions {
  json?: boolean;
  junit?: string;
  refinement: boolean;
}

/** Refinement replays XState machines and is far slower than the streaming checkers. */
const REFINEMENT = new Set(['paxos.refinement']);

export async function verifyFiles(files: string[], opts: { refinement?: boolean } = {}): Promise<TraceReport[]> {
  const skip = opts.refinement === false ? REFINEMENT : new Set<string>();
  const reports: TraceReport[] = [];
  for (const file of files) reports.push(await verifyItems(readTraceFileBatches(file), file, skip));
  return reports;
}

export function register(program: Command): void {
  program
    .command('verify')
    .description('check recorded traces (JSON Lines) against every property of their protocol; exit 1 if any fails, 2 on malformed input')
    .argument('<traces...>', 'trace files (.jsonl)')
    .option('--json', 'print the reports as JSON')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per property)')
    .option('--no-refinement', 'skip replaying the trace against the XState models (much faster on long traces)')
    .action(async (files: string[], opts: VerifyOptions) => {
      const reports = await verifyFiles(files, opts);
      if (opts.junit) {
        try {
          await writeFile(opts.junit, formatJunit(reports));
        } catch (err) {
          throw new UserError(`cannot write: ${(err as Error).message}`, { file: opts.junit });
        }
      }
      process.stdout.write(opts.json ? `${JSON.stringify(reports, null, 2)}\n` : `${reports.map(formatText).join('\n\n')}\n${formatSummary(reports)}\n`);
      if (reports.some(failed)) process.exitCode = 1;
    });
}
