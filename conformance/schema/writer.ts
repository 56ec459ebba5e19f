/**
 * The one writer of traces. A `Trace` is a header and its events, the shape every
 * producer returns; `traceToJsonl` renders it (or any header-then-events sequence) as
 * JSON Lines, and `TraceFileWriter` streams one to disk line by line so a run that is
 * killed leaves a valid prefix (the reader reports its unterminated last line as a
 * truncated write, not as malformed input).
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { TraceEvent, TraceHeader } from './trace.ts';

export interface Trace<H extends TraceHeader = TraceHeader> {
  header: H;
  events: TraceEvent[];
}

export type TraceLine = TraceHeader | TraceEvent;

/** JSON Lines of a header followed by its events (each line newline-terminated). */
export function traceToJsonl(trace: Trace | Iterable<TraceLine>): string {
  let out = '';
  if ('header' in trace && 'events' in trace) {
    out += JSON.stringify(trace.header) + '\n';
    for (const e of trace.events) out += JSON.stringify(e) + '\n';
    return out;
  }
  for (const line of trace) out += JSON.stringify(line) + '\n';
  return out;
}

/** Appends a trace to a file as it is recorded: header first, then one event per call. */
export class TraceFileWriter {
  private fd: number | undefined;

  constructor(readonly path: string, header: TraceHeader) {
    this.fd = openSync(path, 'w');
    this.line(header);
  }

  event(e: TraceEvent): void {
    this.line(e);
  }

  private line(x: TraceLine): void {
    if (this.fd === undefined) throw new Error(`trace ${this.path} is already closed`);
    writeSync(this.fd, JSON.stringify(x) + '\n');
  }

  close(): void {
    if (this.fd === undefined) return;
    try { fsyncSync(this.fd); } catch { /* not every file supports fsync (pipes) */ }
    closeSync(this.fd);
    this.fd = undefined;
  }
}
