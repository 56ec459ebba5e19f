import { findMachine, machines } from '../../../models/index.js';
import { readTraceFile } from '../../../conformance/schema/reader.js';
import { machineToDot, machineToMermaid } from '../../diagram/machine.js';
import { buildSequence, sequenceToMermaid } from '../../diagram/sequence.js';
import { dotToSvg } from '../../diagram/svg.js';
import { UserError, intOption } from '../errors.js';
import { checkOutputPath, saveResult } from '../output.js';
const FORMATS = ['mermaid', 'dot', 'svg'];
export function register(program) {
    program
        .command('diagram')
        .description('Draw a model\'s statechart (Mermaid, DOT or SVG), or a trace as a Mermaid sequence diagram')
        .argument('[model]', 'registered machine name (see --list)')
        .option('-f, --format <format>', `${FORMATS.join(' | ')}`, 'mermaid')
        .option('-o, --out <file>', 'write to a file instead of stdout')
        .option('--list', 'list the registered machines')
        .option('--trace <file>', "draw this JSONL trace as a sequence diagram ('-' reads standard input)")
        .option('--max <n>', 'most arrows and notes in a sequence diagram', intOption('max', 1, 100_000), 150)
        .option('--json', 'with --list: machine-readable output')
        .action(async (model, opts) => {
        // A bad --out is reported before the diagram is built; a write that fails anyway
        // prints the diagram instead of losing it.
        if (opts.out !== undefined)
            await checkOutputPath(opts.out, '--out');
        const text = await diagramText(model, opts);
        if (opts.out !== undefined)
            await saveResult(opts.out, text);
        else
            process.stdout.write(text);
    });
}
async function diagramText(model, opts) {
    if (opts.list) {
        const rows = machines.map(({ name, family, description }) => ({ name, family, description }));
        return opts.json ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${r.name.padEnd(28)} ${r.family.padEnd(9)} ${r.description}\n`).join('');
    }
    if (opts.trace !== undefined) {
        if (model !== undefined)
            throw new UserError(`give either a model or --trace, not both (got model '${model}')`);
        if (opts.format !== 'mermaid')
            throw new UserError(`--trace draws Mermaid sequence diagrams only, got --format ${opts.format}`, { field: 'format' });
        return traceDiagram(opts.trace, opts.max);
    }
    if (model === undefined)
        throw new UserError(`name a model (one of: ${names()}), or use --list or --trace FILE`);
    const format = parseFormat(opts.format);
    const entry = findMachine(model);
    if (!entry)
        throw new UserError(`unknown model '${model}'; registered models: ${names()}`);
    switch (format) {
        case 'mermaid': return machineToMermaid(entry.machine);
        case 'dot': return machineToDot(entry.machine);
        case 'svg': return dotToSvg(machineToDot(entry.machine));
    }
}
function names() {
    return machines.length > 0 ? machines.map((m) => m.name).join(', ') : '(none registered yet)';
}
function parseFormat(raw) {
    if (FORMATS.includes(raw))
        return raw;
    throw new UserError(`unknown format '${raw}'; use one of: ${FORMATS.join(', ')}`, { field: 'format' });
}
/** Reads the trace (streaming), keeping only as many events as the diagram can show. */
async function traceDiagram(file, maxItems) {
    let header;
    const events = [];
    // Pairing sends with receives needs some lookahead past the last drawn item.
    const keep = maxItems * 4;
    let unread = 0;
    for await (const item of readTraceFile(file)) {
        if (item.kind === 'header')
            header = item.header;
        else if (events.length < keep)
            events.push(item.event);
        else
            unread++;
    }
    if (!header)
        throw new UserError('missing header', { file, line: 1 });
    const seq = buildSequence(header, events, { maxItems });
    return sequenceToMermaid({ ...seq, omitted: seq.omitted + unread });
}
