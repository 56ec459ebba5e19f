/**
 * `coordkit record zookeeper --out FILE [--json]`: installs Debian's ZooKeeper if needed,
 * runs a 3-server ensemble on 127.0.0.1 under faults (kill -9 of the leader, SIGSTOP of
 * a follower, a session left to expire) and writes the trace. Needs root for apt-get.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { recordZooKeeper } from '../../../conformance/adapters/zookeeper/recorder.ts';
import { DEFAULT_TIMING } from '../../../conformance/adapters/zookeeper/config.ts';
import { UserError } from '../errors.ts';
import { flag, parseOptions, path, wholeNumber } from '../options.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

const INSTALL = fileURLToPath(new URL('../../../scripts/zookeeper/install.sh', import.meta.url));

const recordOptions = z.object({
  out: path(),
  tickTime: wholeNumber(50, 10_000),
  syncLimit: wholeNumber(1, 100),
  json: flag().optional(),
});

export function register(program: Command): void {
  program
    .command('record')
    .description('record a real third-party implementation under faults into a trace')
    .argument('<system>', "what to record; only 'zookeeper' so far")
    .requiredOption('--out <file>', 'where to write the trace (.jsonl)')
    .addOption(new Option('--tick-time <ms>', 'ZooKeeper tickTime').default(DEFAULT_TIMING.tickTime))
    .addOption(new Option('--sync-limit <ticks>', 'ZooKeeper syncLimit').default(DEFAULT_TIMING.syncLimit))
    .option('--json', 'print what was measured as JSON')
    .action(async (system: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(recordOptions, raw);
      if (system !== 'zookeeper') throw new UserError(`unknown system '${system}'; supported: zookeeper`, { field: 'system' });
      const install = spawnSync('bash', [INSTALL], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (install.status !== 0) throw new UserError(`installing ZooKeeper failed (${INSTALL} exited ${install.status}); run as root`);
      const log = opts.json ? () => {} : (l: string) => process.stderr.write(`${l}\n`);
      const rec = await recordZooKeeper({
        timing: { ...DEFAULT_TIMING, tickTime: opts.tickTime, syncLimit: opts.syncLimit },
        log,
      });
      try {
        await writeFile(opts.out, traceToJsonl(rec));
      } catch (err) {
        throw new UserError(`cannot write: ${(err as Error).message}`, { file: opts.out });
      }
      if (opts.json) process.stdout.write(`${JSON.stringify({ out: opts.out, events: rec.events.length, measured: rec.measured }, null, 2)}\n`);
      else process.stdout.write(`wrote ${opts.out} (${rec.events.length} events): ${JSON.stringify(rec.measured)}\n`);
    });
}
