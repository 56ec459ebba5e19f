/**
 * Streaming JSONL trace reader: the lines of one chunk of a stream in memory at a time
 * (split as readline would, see line-splitter.ts). Yields the header, then each event
 * with its 1-based line number.
 * Every way a file can be malformed becomes one UserError naming file, line and field;
 * nothing else is thrown (I/O failures become UserErrors too).
 *
 * Lines are handled synchronously as each chunk is split and handed out in batches: a
 * per-line async iteration costs more than parsing the line does.
 *
 * Input that never ends must not hang or exhaust memory: a line is at most
 * MAX_LINE_BYTES long (a line splitter would otherwise buffer /dev/zero until the string
 * limit), and only regular files are opened by name; a FIFO, device or socket is read
 * only as standard input, named explicitly as '-' (opening a FIFO nobody writes to
 * blocks forever).
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './line-splitter.ts';
import { UserError } from './user-error.ts';
import { OrderGuard } from './order.ts';
import { parseHeaderLine, toEvent, type LineRef } from './parse-line.ts';
import type { TraceEvent, TraceHeader } from './trace.ts';

export type TraceItem =
  | { kind: 'header'; line: number; header: TraceHeader }
  | { kind: 'event'; line: number; event: TraceEvent };

const BATCH = 2048;

/** The longest line the reader accepts (16 MiB): far above any real event, far below V8's string limit. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** The file name that means standard input. */
export const STDIN = '-';
/** How standard input is named in reports and errors. */
export const STDIN_NAME = '<stdin>';

export interface ReadOptions {
  /** Longest accepted line, in bytes (tests lower it). */
  maxLineBytes?: number;
}

const tooLong = (max: number, at: LineRef) =>
  new UserError(`line longer than ${max >= 1 << 20 ? `${max / (1 << 20)} MiB` : `${max} bytes`}: not a trace line (is this a trace file?)`, at);

const isBlank = (s: string) => s.length === 0 || s.trim().length === 0;

/** The per-line state machine: header first, then events; throws UserError on bad input. */
class LineParser {
  lineNo = 0;
  guard: OrderGuard | undefined;
  protocol: TraceHeader['protocol'] | undefined;
  /**
   * A line that is not JSON is only reported once we know whether it was the last one:
   * an unterminated last line is a truncated write, anything else is bad JSON.
   */
  badJson: { at: LineRef; message: string } | undefined;

  constructor(private readonly file: string, readonly maxLineBytes = MAX_LINE_BYTES) {}

  line(text: string, out: TraceItem[]): void {
    const lineNo = ++this.lineNo;
    // A UTF-8 byte order mark (Windows tools write one) opens the file, not the JSON.
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length > this.maxLineBytes) throw tooLong(this.maxLineBytes, { file: this.file, line: lineNo });
    if (this.badJson) throw new UserError(`bad JSON: ${this.badJson.message}`, this.badJson.at);
    if (text.charCodeAt(0) !== 0x7b && isBlank(text)) return; // a line opening with '{' is not blank
    if (this.guard === undefined) {
      const header = parseHeaderLine(text, { file: this.file, line: lineNo });
      this.guard = new OrderGuard(header);
      this.protocol = header.protocol;
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
    const event = toEvent(raw, at, this.protocol);
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
export async function* readTraceBatches(input: Readable, file: string, opts: ReadOptions = {}): AsyncGenerator<TraceItem[]> {
  const parser = new LineParser(file, opts.maxLineBytes);
  const maxLine = parser.maxLineBytes;
  const splitter = new LineSplitter();
  const decoder = new StringDecoder('utf8');
  let batch: TraceItem[] = [];
  const line = (text: string) => parser.line(text, batch);
  let endsWithNewline = true;
  /** Bytes (or chars) since the last line break: the length of the line being buffered. */
  let pending = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      if (chunk.length === 0) continue;
      splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk), line);
      const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
      endsWithNewline = last === 0x0a;
      const lineBreak = typeof chunk === 'string'
        ? Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'))
        : Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d));
      pending = lineBreak < 0 ? pending + chunk.length : chunk.length - lineBreak - 1;
      if (pending > maxLine) throw tooLong(maxLine, { file, line: parser.lineNo + 1 });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    splitter.end(line);
  } catch (err) {
    throw err instanceof UserError ? err : new UserError(`cannot read: ${(err as Error).message}`, { file });
  } finally {
    if (!input.destroyed) input.destroy();
  }
  parser.finish(endsWithNewline);
  if (batch.length > 0) yield batch;
}

/** Reads a trace item by item from any byte or string stream; `file` is the name used in errors. */
export async function* readTraceStream(input: Readable, file: string, opts: ReadOptions = {}): AsyncGenerator<TraceItem> {
  for await (const batch of readTraceBatches(input, file, opts)) yield* batch;
}

// An empty name is shown as '' (a message without any file name would say nothing).
const cannotOpen = (path: string, err: unknown) =>
  new UserError(`cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: path === '' ? "''" : path });

/** What a non-regular file is, in words ("a FIFO"), for errors that refuse it. */
export function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const notRegular = (path: string, kind: string) =>
  new UserError(kind === 'a directory'
    ? 'is a directory, not a trace file'
    : `is ${kind}, not a trace file (to read a pipe or device, give '${STDIN}' and redirect it to standard input)`, { file: path });

/**
 * A regular file as a stream. The type is checked before opening (open blocks on a FIFO
 * without a writer), and again on the open descriptor, which is opened non-blocking in
 * case the path was swapped in between.
 */
async function openStream(path: string): Promise<Readable> {
  let before;
  try {
    before = await stat(path);
  } catch (err) {
    throw cannotOpen(path, err);
  }
  if (!before.isFile()) throw notRegular(path, kindOf(before));
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotOpen(path, err);
  }
  const after = await handle.stat();
  if (!after.isFile()) {
    await handle.close();
    throw notRegular(path, kindOf(after));
  }
  return handle.createReadStream({ highWaterMark: 1 << 16 });
}

/** How a trace file is named in reports and errors ('-' is standard input). */
export const traceName = (path: string): string => (path === STDIN ? STDIN_NAME : path);

/**
 * Opens a trace file in batches; a missing or unreadable file is a UserError, not a crash.
 * '-' reads standard input (whatever it is: a pipe, a FIFO, a device).
 */
export async function* readTraceFileBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<TraceItem[]> {
  if (path === STDIN) yield* readTraceBatches(process.stdin, STDIN_NAME, opts);
  else yield* readTraceBatches(await openStream(path), path, opts);
}

/** Opens a trace file item by item ('-' is standard input). */
export async function* readTraceFile(path: string, opts: ReadOptions = {}): AsyncGenerator<TraceItem> {
  for await (const batch of readTraceFileBatches(path, opts)) yield* batch;
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
