/** `coordkit itf export|import`: convert traces to and from the Informal Trace Format (Apalache, Quint). */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ITF_EPILOGUE, fromItf, itfPrologue, itfState } from '../../../conformance/schema/itf.js';
import { readTraceFile } from '../../../conformance/schema/reader.js';
import { UserError } from '../errors.js';
async function readJson(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        throw new UserError(`cannot read: ${err.code ?? err.message}`, { file });
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new UserError(`bad JSON: ${err.message}`, { file });
    }
}
function output(out) {
    if (!out)
        return process.stdout;
    const stream = createWriteStream(out);
    stream.on('error', () => { }); // reported by the awaited finish below
    return stream;
}
async function finish(stream, out) {
    if (stream === process.stdout)
        return;
    await new Promise((resolve, reject) => {
        stream.end(() => resolve());
        stream.once('error', (err) => reject(new UserError(`cannot write: ${err.message}`, { file: out })));
    });
}
/** Writes with backpressure so a long trace never piles up in memory. */
async function write(stream, text) {
    if (!stream.write(text))
        await new Promise((r) => stream.once('drain', () => r()));
}
export function register(program) {
    const itf = program.command('itf').description('convert traces to and from the Informal Trace Format (ITF) of Apalache and Quint');
    itf
        .command('export')
        .description('write a JSONL trace as ITF (one state per event, variable "event")')
        .argument('<trace>', 'trace file (.jsonl)')
        .option('--out <file>', 'write to a file instead of stdout')
        .action(async (file, opts) => {
        const stream = output(opts.out);
        let index = 0;
        for await (const item of readTraceFile(file)) {
            if (item.kind === 'header')
                await write(stream, itfPrologue(item.header));
            else
                await write(stream, `${index > 0 ? ',' : ''}\n${itfState(item.event, index++)}`);
        }
        await write(stream, `\n${ITF_EPILOGUE}`);
        await finish(stream, opts.out);
    });
    itf
        .command('import')
        .description('turn an ITF trace (as written by "itf export") back into a JSONL trace')
        .argument('<file>', 'ITF file (.itf.json)')
        .option('--header <file>', 'a coordkit header (JSON) to use when the ITF file carries none')
        .option('--out <file>', 'write to a file instead of stdout')
        .action(async (file, opts) => {
        const doc = await readJson(file);
        const { header, events } = fromItf(doc, file, opts.header ? await readJson(opts.header) : undefined);
        const stream = output(opts.out);
        await write(stream, `${JSON.stringify(header)}\n`);
        for (const e of events)
            await write(stream, `${JSON.stringify(e)}\n`);
        await finish(stream, opts.out);
    });
}
