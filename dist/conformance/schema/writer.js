/**
 * The one writer of traces. A `Trace` is a header and its events, the shape every
 * producer returns; `traceToJsonl` renders it (or any header-then-events sequence) as
 * JSON Lines, and `TraceFileWriter` streams one to disk line by line so a run that is
 * killed leaves a valid prefix (the reader reports its unterminated last line as a
 * truncated write, not as malformed input).
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
/** JSON Lines of a header followed by its events (each line newline-terminated). */
export function traceToJsonl(trace) {
    let out = '';
    if ('header' in trace && 'events' in trace) {
        out += JSON.stringify(trace.header) + '\n';
        for (const e of trace.events)
            out += JSON.stringify(e) + '\n';
        return out;
    }
    for (const line of trace)
        out += JSON.stringify(line) + '\n';
    return out;
}
/** Appends a trace to a file as it is recorded: header first, then one event per call. */
export class TraceFileWriter {
    path;
    fd;
    constructor(path, header) {
        this.path = path;
        this.fd = openSync(path, 'w');
        this.line(header);
    }
    event(e) {
        this.line(e);
    }
    line(x) {
        if (this.fd === undefined)
            throw new Error(`trace ${this.path} is already closed`);
        writeSync(this.fd, JSON.stringify(x) + '\n');
    }
    close() {
        if (this.fd === undefined)
            return;
        try {
            fsyncSync(this.fd);
        }
        catch { /* not every file supports fsync (pipes) */ }
        closeSync(this.fd);
        this.fd = undefined;
    }
}
