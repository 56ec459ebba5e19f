/**
 * `coordkit itf export|import`: traces to and from the Informal Trace Format (ITF) of
 * Apalache and Quint. Export writes typed ITF (conformance/interop/itf-events.ts), or the
 * reconstructed Paxos.tla state, and optionally a Quint `run` replaying a Paxos trace.
 * Import reads coordkit's own export, or a spec's trace through a state mapping
 * (built-in paxos-tla, quint-paxos, or a JSON mapping file).
 *
 * Output files are opened before any work, so a bad --out is exit 2 at once; every write
 * is awaited, so a full disk is one line and exit 2, never a silent exit 0.
 */
import { existsSync } from 'node:fs';
import { copyFile, open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { ITF_EPILOGUE, fromItf, itfPrologue, itfState, valueTypeOf, type ValueType } from '../../../conformance/interop/itf-events.ts';
import { builtinMappings, stateMapping, type StateMapping } from '../../../conformance/interop/itf-mapping.ts';
import { importStates } from '../../../conformance/interop/itf-states.ts';
import { paxosStateItf, paxosStates, quintReplay } from '../../../conformance/interop/paxos-state.ts';
import { readTraceFile } from '../../../conformance/schema/reader.ts';
import type { TraceEvent, TraceHeader } from '../../../conformance/schema/trace.ts';
import { firstIssue } from '../../../conformance/schema/zod-issue.ts';
import { UserError } from '../errors.ts';
import { choice, parseOptions, path, text } from '../options.ts';

/** coordkit's Quint spec of Paxos.tla, which generated runs import. */
export const QUINT_SPEC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../conformance/interop/quint/paxos.qnt');

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`bad JSON: ${(err as Error).message}`, { file });
  }
}

/** Where output goes: a file opened up front, or stdout. */
class Output {
  private closed = false;

  private constructor(private readonly fh: FileHandle | undefined, private readonly file: string | undefined, private readonly regular = false) {}

  static async open(file?: string): Promise<Output> {
    if (!file) return new Output(undefined, undefined);
    try {
      const fh = await open(file, 'w');
      return new Output(fh, file, (await fh.stat()).isFile());
    } catch (err) {
      throw new UserError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
    }
  }

  async write(text: string): Promise<void> {
    if (!this.fh) {
      if (!process.stdout.write(text)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
      return;
    }
    try {
      await this.fh.write(text);
    } catch (err) {
      await this.discard();
      throw new UserError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: this.file });
    }
  }

  /** Removes a half-written output file, so that a failed run leaves no invalid ITF behind. */
  async discard(): Promise<void> {
    if (!this.fh || !this.file || this.closed) return;
    this.closed = true;
    await this.fh.close().catch(() => {});
    // only a regular file we created: never a device (/dev/full) or a FIFO
    if (this.regular) await unlink(this.file).catch(() => {});
  }

  async close(): Promise<void> {
    if (!this.fh || this.closed) return;
    this.closed = true;
    try {
      await this.fh.sync().catch(() => {});
      await this.fh.close();
    } catch (err) {
      throw new UserError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: this.file });
    }
  }
}

const list = (raw: string) => raw.split(',').map((s) => s.trim()).filter(Boolean);
const valueList = (raw: string) => list(raw).map((s) => (/^-?\d+$/.test(s) ? Number(s) : s));

async function loadMapping(name: string): Promise<StateMapping> {
  if (builtinMappings[name]) return builtinMappings[name];
  if (!existsSync(name)) throw new UserError(`no mapping "${name}": give a built-in one (${Object.keys(builtinMappings).join(', ')}) or a mapping file (JSON)`, { field: '--mapping' });
  const parsed = stateMapping.safeParse(parseJson(await readText(name), name));
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { file: name, field: issue.path.join('.') || undefined });
  }
  return parsed.data;
}

const exportOptions = z.object({
  out: path().optional(),
  as: choice(['events', 'paxos-state']),
  quintRun: path().optional(),
  quintValueRule: choice(['on', 'off']),
  quintExpect: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a Quint name (a letter or _, then letters, digits or _)' }),
});
type ExportOptions = z.output<typeof exportOptions>;

const importOptions = z.object({
  out: path().optional(),
  header: path().optional(),
  mapping: text().optional(),
  values: text().optional(),
  acceptors: text().optional(),
  quorums: text().optional(),
});
type ImportOptions = z.output<typeof importOptions>;

export function register(program: Command): void {
  const itf = program.command('itf').description('convert traces to and from the Informal Trace Format (ITF) of Apalache and Quint');
  itf
    .command('export')
    .description('write a JSONL trace as typed ITF: one state per event in variable "event" (default), or the Paxos.tla state')
    .argument('<trace>', 'trace file (.jsonl)')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--as <shape>', 'events: one state per event; paxos-state: msgs, maxBal, maxVBal, maxVal as in Paxos.tla', 'events')
    .option('--quint-run <file>', 'also write a Quint run replaying a Paxos trace step by step (and paxos.qnt beside it, if absent)')
    .option('--quint-value-rule <on|off>', "off: replay against the spec's planted bug (Phase2a without the value rule)", 'on')
    .option('--quint-expect <property>', 'the property the run expects violated at its end', 'agreement')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(exportOptions, raw);
      const out = await Output.open(opts.out);
      const run = opts.quintRun ? await Output.open(opts.quintRun) : undefined;
      try {
        await exportTrace(file, opts, out, run);
      } catch (err) {
        await out.discard();
        await run?.discard();
        throw err;
      }
    });
  itf
    .command('import')
    .description("turn an ITF trace into a JSONL trace: coordkit's own export, or a TLA+/Quint spec's trace through --mapping")
    .argument('<file>', 'ITF file (.itf.json)')
    .option('--mapping <name|file>', `read the spec's state through a mapping: ${Object.keys(builtinMappings).join(', ')}, or a mapping file (JSON)`)
    .option('--values <list>', 'with --mapping: the values proposers may propose (e.g. 1,2 or v1,v2)')
    .option('--acceptors <list>', 'with --mapping: the acceptors (default: the keys of maxBal in the initial state)')
    .option('--quorums <list>', 'with --mapping: quorums as a1+a2,a1+a3,... (default: majorities)')
    .option('--header <file>', 'a coordkit header (JSON) to use when a coordkit ITF file carries none')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(importOptions, raw);
      const mapping = opts.mapping ? await loadMapping(opts.mapping) : undefined;
      if (!mapping && (opts.values || opts.acceptors || opts.quorums)) throw new UserError('--values, --acceptors and --quorums go with --mapping');
      const headerOverride = opts.header ? parseJson(await readText(opts.header), opts.header) : undefined;
      const out = await Output.open(opts.out);
      try {
        await importTrace(file, opts, mapping, headerOverride, out);
      } catch (err) {
        await out.discard();
        throw err;
      }
    });
}

async function exportTrace(file: string, opts: ExportOptions, out: Output, run: Output | undefined): Promise<void> {
  let header: TraceHeader | undefined;
  let vt: ValueType = 'Str';
  let index = 0;
  const kept: TraceEvent[] = [];
  for await (const item of readTraceFile(file)) {
    if (item.kind === 'header') {
      header = item.header;
      if (header.protocol === 'custom') throw new UserError("ITF export takes the bundled protocols only: a custom system's messages have no fixed ITF type", { file, line: item.line, field: 'protocol' });
      try { vt = valueTypeOf(header); } catch (err) { throw new UserError((err as Error).message, { file, line: item.line, field: 'config.values' }); }
      if (opts.as === 'events') await out.write(itfPrologue(header));
    } else if (opts.as === 'events') {
      let state: string;
      try { state = itfState(item.event, index, vt); } catch (err) {
        if (err instanceof UserError) { throw new UserError(err.message, { file, line: item.line, field: item.event.kind === 'state' ? 'state' : 'value' }); }
        throw err;
      }
      await out.write(`${index++ > 0 ? ',' : ''}\n${state}`);
      if (run && item.event.kind === 'send') kept.push(item.event);
    } else {
      kept.push(item.event);
    }
  }
  if (!header) throw new UserError('no header: not a coordkit trace', { file });
  if (opts.as === 'events') {
    if (index === 0) throw new UserError('the trace has no events: nothing to export', { file });
    await out.write(`\n${ITF_EPILOGUE}`);
  }
  const states = opts.as === 'paxos-state' || run ? paxosStates(header, kept, file) : undefined;
  if (opts.as === 'paxos-state' && states) await out.write(paxosStateItf(states, file));
  await out.close();
  if (run && states && opts.quintRun) {
    await run.write(quintReplay(states, file, { valueRule: opts.quintValueRule === 'on', expect: opts.quintExpect }));
    await run.close();
    const spec = join(dirname(opts.quintRun), 'paxos.qnt');
    if (!existsSync(spec)) {
      try { await copyFile(QUINT_SPEC, spec); } catch (err) { throw new UserError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: spec }); }
    }
    process.stderr.write(`quint run: ${opts.quintRun} (${states.steps.length} steps; imports ${spec}); check it with: quint test --main coordkit_replay ${opts.quintRun}\n`);
  }
}

async function importTrace(file: string, opts: ImportOptions, mapping: StateMapping | undefined, headerOverride: unknown, out: Output): Promise<void> {
  const text = await readText(file);
  const doc = parseJson(text, file);
  let header: TraceHeader;
  let events: TraceEvent[];
  if (mapping) {
    const imported = importStates(doc, text, file, mapping, {
      constants: {
        ...(opts.values ? { values: valueList(opts.values) } : {}),
        ...(opts.acceptors ? { acceptors: list(opts.acceptors) } : {}),
        ...(opts.quorums ? { quorums: list(opts.quorums).map((q) => q.split('+')) } : {}),
      },
    });
    ({ header, events } = imported);
    for (const n of imported.notes) process.stderr.write(`note: ${n}\n`);
  } else {
    ({ header, events } = fromItf(doc, file, headerOverride, text));
  }
  await out.write(`${JSON.stringify(header)}\n`);
  for (const e of events) await out.write(`${JSON.stringify(e)}\n`);
  await out.close();
}
