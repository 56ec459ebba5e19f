/**
 * Streaming JSONL trace reader: node readline over a stream, one chunk of lines in
 * memory at a time. Yields the header, then each event with its 1-based line number.
 * Every way a file can be malformed becomes one UserError naming file, line and field;
 * nothing else is thrown (I/O failures become UserErrors too).
 *
 * Lines are handled synchronously in readline's 'line' callback and handed out in
 * batches: a per-line async iteration costs more than parsing the line does.
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { UserError } from './user-error.ts';
import { OrderGuard } from './order.ts';
import { parseHeaderLine, toEvent, type LineRef } from './parse-line.ts';
import type { TraceEvent, TraceHeader } from './trace.ts';

export type TraceItem =
  | { kind: 'header'; line: number; header: TraceHeader }
  | { kind: 'event'; line: number; event: TraceEvent };

const BATCH = 2048;

const isBlank = (s: string) => s.length === 0 || s.trim().length === 0;

/** The per-line state machine: header first, then events; throws UserError on bad input. */
class LineParser {
  lineNo = 0;
  guard: OrderGuard | undefined;
  /**
   * A line that is not JSON is only reported once we know whether it was the last one:
   * an unterminated last line is a truncated write, anything else is bad JSON.
   */
  badJson: { at: LineRef; message: string } | undefined;

  constructor(private readonly file: string) {}

  line(text: string, out: TraceItem[]): void {
    const lineNo = ++this.lineNo;
    if (this.badJson) throw new UserError(`bad JSON: ${this.badJson.message}`, this.badJson.at);
    if (isBlank(text)) return;
    if (this.guard === undefined) {
      const header = parseHeaderLine(text, { file: this.file, line: lineNo });
      this.guard = new OrderGuard(header);
      out.push({ kind: 'header', line: lineNo, header });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      this.badJson = { at: { file: this.file, line: lineNo }, message: (err as Error).message };
      return;
    }
    const at = { file: this.file, line: lineNo };
    const event = toEvent(raw, at);
    this.guard.check(event, at);
    out.push({ kind: 'event', line: lineNo, event });
  }

  finish(endsWithNewline: boolean): void {
    if (this.badJson) {
      throw endsWithNewline
        ? new UserError(`bad JSON: ${this.badJson.message}`, this.badJson.at)
        : new UserError('truncated last line: the file ends in the middle of an event', this.badJson.at);
    }
    if (this.guard === undefined) throw new UserError('missing header: the trace is empty', { file: this.file, line: 1 });
  }
}

/** Reads a trace in batches of items (the fast path for long traces). */
export async function* readTraceBatches(input: Readable, file: string): AsyncGenerator<TraceItem[]> {
  const parser = new LineParser(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const ready: TraceItem[][] = [];
  let batch: TraceItem[] = [];
  let failure: unknown;
  let closed = false;
  let endsWithNewline = true;
  let wake: (() => void) | undefined;
  const notify = () => { const w = wake; wake = undefined; w?.(); };

  input.on('data', (chunk: Buffer | string) => {
    if (chunk.length > 0) {
      const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
      endsWithNewline = last === 0x0a;
    }
  });
  input.on('error', (err) => {
    failure ??= new UserError(`cannot read: ${err.message}`, { file });
    lines.close();
  });
  lines.on('line', (text) => {
    if (failure !== undefined) return;
    try {
      parser.line(text, batch);
    } catch (err) {
      failure = err instanceof UserError ? err : new UserError(`cannot read: ${(err as Error).message}`, { file });
      lines.close();
      return;
    }
    if (batch.length >= BATCH) {
      ready.push(batch);
      batch = [];
      if (ready.length >= 4) lines.pause(); // backpressure: at most a few batches buffered
      notify();
    }
  });
  lines.on('close', () => { closed = true; notify(); });

  try {
    for (;;) {
      const next = ready.shift();
      if (next) { yield next; continue; }
      if (failure !== undefined) throw failure;
      if (closed) break;
      lines.resume();
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    if (failure !== undefined) throw failure;
    parser.finish(endsWithNewline);
    if (batch.length > 0) yield batch;
  } finally {
    lines.close();
    if (!input.destroyed) input.destroy();
  }
}

/** Reads a trace item by item from any byte or string stream; `file` is the name used in errors. */
export async function* readTraceStream(input: Readable, file: string): AsyncGenerator<TraceItem> {
  for await (const batch of readTraceBatches(input, file)) yield* batch;
}

async function openStream(path: string): Promise<Readable> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new UserError(`cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: path });
  }
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    throw new UserError('is a directory, not a trace file', { file: path });
  }
  return handle.createReadStream({ highWaterMark: 1 << 16 });
}

/** Opens a trace file in batches; a missing or unreadable file is a UserError, not a crash. */
export async function* readTraceFileBatches(path: string): AsyncGenerator<TraceItem[]> {
  yield* readTraceBatches(await openStream(path), path);
}

/** Opens a trace file item by item. */
export async function* readTraceFile(path: string): AsyncGenerator<TraceItem> {
  yield* readTraceStream(await openStream(path), path);
}

/**
 * Reads a trace held in memory synchronously, with exactly the checks of the streaming
 * reader (in-memory traces of simulations, harnesses and tests are judged as files are).
 */
export function readTraceTextSync(text: string, file = '<memory>'): TraceItem[] {
  const parser = new LineParser(file);
  const out: TraceItem[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  for (const line of lines) parser.line(line.endsWith('\r') ? line.slice(0, -1) : line, out);
  parser.finish(endsWithNewline || text.length === 0);
  return out;
}

/** Reads a trace held in memory (tests, ITF import). */
export function readTraceText(text: string, file = '<memory>'): AsyncGenerator<TraceItem> {
  return readTraceStream(Readable.from([text]), file);
}
