/** `coordkit schema --json-schema [--out FILE]`: the trace format as JSON Schema, for implementers elsewhere. */
import { writeFile } from 'node:fs/promises';
import { traceJsonSchema } from '../../../conformance/schema/trace.js';
import { UserError } from '../errors.js';
export function register(program) {
    program
        .command('schema')
        .description('print the JSON Schema of one trace line (header or event)')
        .option('--json-schema', 'JSON Schema (draft 2020-12); the only format so far, and the default')
        .option('--out <file>', 'write to a file instead of stdout')
        .action(async (opts) => {
        const text = `${JSON.stringify(traceJsonSchema(), null, 2)}\n`;
        if (!opts.out) {
            process.stdout.write(text);
            return;
        }
        try {
            await writeFile(opts.out, text);
        }
        catch (err) {
            throw new UserError(`cannot write: ${err.message}`, { file: opts.out });
        }
    });
}
