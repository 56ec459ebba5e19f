/**
 * `coordkit diagram MODEL --format mermaid|dot|svg [--out FILE] [--all] [--no-legend]`: the
 * statechart of a registered machine (transitions that only discard an event hidden unless --all). `coordkit diagram --list` names them; `coordkit diagram --trace
 * FILE.jsonl` draws a trace (or counterexample) as a Mermaid sequence diagram. A module
 * file (`./system.ts[#role]`, `--graph`) draws a user's system: ../check/user-diagram.ts.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { findMachine, machines } from '../../families.ts';
import { readTraceFile } from '../../../conformance/schema/reader.ts';
import type { TraceEvent, TraceHeader } from '../../../conformance/schema/trace.ts';
import { machineToDot, machineToMermaid } from '../../diagram/machine.ts';
import { buildSequence, sequenceToMermaid } from '../../diagram/sequence.ts';
import { dotToSvg } from '../../diagram/svg.ts';
import { UserError } from '../errors.ts';
import { choice, flag, parseOptions, path, wholeNumber } from '../options.ts';
import { checkOutputPath, saveResult } from '../output.ts';
import { looksLikeModulePath, parseParam } from '../check/user-module.ts';
import { userSystemDiagram } from '../check/user-diagram.ts';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;

const diagramOptions = z.object({
  format: choice(FORMATS),
  out: path().optional(),
  list: flag().optional(),
  trace: path().optional(),
  max: wholeNumber(1, 100_000),
  json: flag().optional(),
  all: flag().optional(),
  legend: flag(),
  graph: flag().optional(),
  /** --param pairs, collected by parseParam. */
  param: z.record(z.string(), z.string()).optional(),
});
type Options = z.output<typeof diagramOptions>;

export function register(program: Command): void {
  program
    .command('diagram')
    .description('Draw a model\'s statechart (Mermaid, DOT or SVG), or a trace as a Mermaid sequence diagram')
    .argument('[model]', 'registered machine name (see --list)')
    .option('-f, --format <format>', `${FORMATS.join(' | ')}`, 'mermaid')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--list', 'list the registered machines')
    .option('--trace <file>', "draw this JSONL trace as a sequence diagram ('-' reads standard input)")
    .addOption(new Option('--max <n>', 'most arrows and notes in a sequence diagram').default(150))
    .option('--json', 'with --list: machine-readable output')
    .option('--all', 'also draw transitions that only discard or ignore an event (hidden by default)')
    .option('--no-legend', 'leave out the legend of the notation')
    .option('--graph', "with a module (./system.ts): explore it and draw its state graph around the first violation (or a witness)")
    .addOption(new Option('--param <key=value>', 'a parameter for a module that exports a function (repeatable)').argParser(parseParam))
    .action(async (model: string | undefined, raw: Record<string, unknown>) => {
      const opts = parseOptions(diagramOptions, raw);
      // A bad --out is reported before the diagram is built; a write that fails anyway
      // prints the diagram instead of losing it.
      if (opts.out !== undefined) await checkOutputPath(opts.out, '--out');
      const text = await diagramText(model, opts);
      if (opts.out !== undefined) await saveResult(opts.out, text);
      else process.stdout.write(text);
    });
}

async function diagramText(model: string | undefined, opts: Options): Promise<string> {
  if (opts.list) {
    const rows = machines.map(({ name, family, description }) => ({ name, family, description }));
    return opts.json ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${r.name.padEnd(28)} ${r.family.padEnd(9)} ${r.description}\n`).join('');
  }
  if (opts.trace !== undefined) {
    if (model !== undefined) throw new UserError(`give either a model or --trace, not both (got model '${model}')`);
    if (opts.format !== 'mermaid') throw new UserError(`--trace draws Mermaid sequence diagrams only, got --format ${opts.format}`, { field: 'format' });
    return traceDiagram(opts.trace, opts.max);
  }
  if (model === undefined) throw new UserError(`name a model (one of: ${names()}), or use --list or --trace FILE`);
  if (looksLikeModulePath(model)) {
    return userSystemDiagram(model, { format: opts.format, params: opts.param ?? {}, graph: Boolean(opts.graph), all: Boolean(opts.all), legend: opts.legend });
  }
  if (opts.graph || opts.param) throw new UserError(`${opts.graph ? '--graph' : '--param'} needs a module file (./system.ts), not a registered machine`, { field: opts.graph ? '--graph' : '--param' });
  const entry = findMachine(model);
  if (!entry) throw new UserError(`unknown model '${model}'; registered models: ${names()}, or a module file (./system.ts[#role])`);
  const options = { all: Boolean(opts.all), legend: opts.legend };
  switch (opts.format) {
    case 'mermaid': return machineToMermaid(entry.machine, options);
    case 'dot': return machineToDot(entry.machine, options);
    case 'svg': return dotToSvg(machineToDot(entry.machine, options));
  }
}

function names(): string {
  return machines.length > 0 ? machines.map((m) => m.name).join(', ') : '(none registered yet)';
}

/** Reads the trace (streaming), keeping only as many events as the diagram can show. */
async function traceDiagram(file: string, maxItems: number): Promise<string> {
  let header: TraceHeader | undefined;
  const events: TraceEvent[] = [];
  // Pairing sends with receives needs some lookahead past the last drawn item.
  const keep = maxItems * 4;
  let unread = 0;
  for await (const item of readTraceFile(file)) {
    if (item.kind === 'header') header = item.header;
    else if (events.length < keep) events.push(item.event);
    else unread++;
  }
  if (!header) throw new UserError('missing header', { file, line: 1 });
  const seq = buildSequence(header, events, { maxItems });
  return sequenceToMermaid({ ...seq, omitted: seq.omitted + unread });
}
