/** `coordkit schema --json-schema [--out FILE]`: the trace format as JSON Schema, for implementers elsewhere. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { traceJsonSchema } from '../../../conformance/schema/trace.ts';
import { UserError } from '../errors.ts';
import { flag, parseOptions, path } from '../options.ts';

const schemaOptions = z.object({ jsonSchema: flag().optional(), out: path().optional() });

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of one trace line (header or event)')
    .option('--json-schema', 'JSON Schema (draft 2020-12); the only format so far, and the default')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseOptions(schemaOptions, raw);
      const text = `${JSON.stringify(traceJsonSchema(), null, 2)}\n`;
      if (!opts.out) { process.stdout.write(text); return; }
      try {
        await writeFile(opts.out, text);
      } catch (err) {
        throw new UserError(`cannot write: ${(err as Error).message}`, { file: opts.out });
      }
    });
}
