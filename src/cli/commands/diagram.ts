/**
 * `coordkit diagram MODEL --format mermaid|dot|svg [--out FILE] [--all] [--no-legend]`: the
 * statechart of a registered machine (transitions that only discard an event hidden unless --all). `coordkit diagram --list` names them; `coordkit diagram --trace
 * FILE.jsonl` draws a trace (or counterexample) as a Mermaid sequence diagram.
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
import type { AnyStateMachine } from 'xstate';
import { loadUserSystem, looksLikeModulePath } from '../check/user-module.ts';

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
  const entry = findMachine(model) ?? (looksLikeModulePath(model) ? await moduleMachine(model) : undefined);
  if (!entry) throw new UserError(`unknown model '${model}'; registered models: ${names()}, or a module file (./system.ts[#role])`);
  const options = { all: Boolean(opts.all), legend: opts.legend };
  switch (opts.format) {
    case 'mermaid': return machineToMermaid(entry.machine, options);
    case 'dot': return machineToDot(entry.machine, options);
    case 'svg': return dotToSvg(machineToDot(entry.machine, options));
  }
}

/**
 * A machine of a user's module (`coordkit check`'s loader): `./system.ts` draws its first
 * actor's machine, `./system.ts#role` the first actor of that role.
 */
async function moduleMachine(arg: string): Promise<{ machine: AnyStateMachine }> {
  const [file, role] = arg.split('#');
  const spec = await loadUserSystem(file);
  const actor = role === undefined ? spec.actors[0] : spec.actors.find((a) => a.role === role);
  if (!actor) throw new UserError(`no actor with role '${role}'; roles: ${[...new Set(spec.actors.map((a) => a.role))].join(', ')}`, { file });
  return { machine: actor.machine };
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
