/**
 * Runs every checker for a trace's protocol over a stream of trace items: one pass,
 * each event handed to each checker in order. Malformed input surfaces as the reader's
 * UserError; a checker that throws on a well-formed trace is a bug and is reported as
 * such rather than crashing the command.
 *
 * A verdict is never PASS when nothing was checked. A trace with no events, or with only
 * environment events (faults, ticks, state snapshots) and none of its protocol, is
 * unusable input (a UserError: exit 2 in the CLI), because every property would pass
 * vacuously. A trace whose every property was skipped is a report with outcome
 * 'unchecked', which the CLI also treats as exit 2 (see `outcomeOf`).
 */
import { UserError } from '../schema/user-error.js';
import { isProtocolEvent } from '../schema/protocol-kinds.js';
import { readTraceFileBatches, readTraceTextSync } from '../schema/reader.js';
import { traceToJsonl } from '../schema/writer.js';
import { checkersFor } from './registry.js';
export const failed = (r) => r.verdicts.some((v) => v.status === 'fail');
export function outcomeOf(r) {
    if (failed(r))
        return 'fail';
    return r.verdicts.some((v) => v.status === 'pass') ? 'pass' : 'unchecked';
}
/** One pass of every checker of a trace's protocol, built from its header. */
class TraceJudge {
    file;
    skip;
    checkers = [];
    protocol;
    events = 0;
    /** Events only this protocol records (not faults, ticks, snapshots): without one, nothing was judged. */
    protocolEvents = 0;
    headerLine = 1;
    /** The checker running now, named when it throws (a coordkit bug, not bad input). */
    current = '';
    constructor(file, skip) {
        this.file = file;
        this.skip = skip;
    }
    item(item) {
        if (item.kind === 'header') {
            this.protocol = item.header.protocol;
            this.headerLine = item.line;
            this.current = `${this.protocol} checkers`;
            this.checkers = checkersFor(item.header).filter((c) => !this.skip.has(c.name));
            this.current = '';
            return;
        }
        this.events++;
        if (isProtocolEvent(item.event))
            this.protocolEvents++;
        const checkers = this.checkers;
        let i = 0;
        try {
            for (; i < checkers.length; i++)
                checkers[i].event(item.event, item.line);
        }
        catch (err) {
            this.current = checkers[i].name;
            throw err;
        }
    }
    end() {
        const at = { file: this.file, line: this.headerLine };
        if (this.events === 0)
            throw new UserError('no events: nothing was checked (the trace has a header and no event lines)', at);
        if (this.protocolEvents === 0) {
            throw new UserError(`no ${this.protocol} events: nothing was checked (the ${this.events} event(s) are all faults, ticks or state snapshots)`, at);
        }
        const verdicts = this.checkers.flatMap((c) => { this.current = c.name; return c.end(); });
        return { file: this.file, protocol: this.protocol, events: this.events, verdicts };
    }
    /** A checker that throws on a well-formed trace is a bug: say which, as a UserError. */
    failure(err) {
        if (err instanceof UserError)
            return err;
        return new UserError(`checker ${this.current || '?'} failed on a well-formed trace (a coordkit bug): ${err.message}`, { file: this.file });
    }
}
/** `items` may come one by one or in batches (readTraceBatches, the fast path). */
export async function verifyItems(items, file, 
/** Checker names to leave out (e.g. 'paxos.refinement' for speed). */
skip = new Set()) {
    const judge = new TraceJudge(file, skip);
    try {
        for await (const got of items) {
            if (Array.isArray(got))
                for (let b = 0; b < got.length; b++)
                    judge.item(got[b]);
            else
                judge.item(got);
        }
        return judge.end();
    }
    catch (err) {
        throw judge.failure(err);
    }
}
/** Judges a trace held in memory, synchronously: it is written and read back through the
 * one reader, so it is judged exactly as the same trace in a file would be. */
export function verifyTrace(trace, file = '<memory>') {
    const judge = new TraceJudge(file, new Set());
    try {
        for (const item of readTraceTextSync(traceToJsonl(trace), file))
            judge.item(item);
        return judge.end();
    }
    catch (err) {
        throw judge.failure(err);
    }
}
/** Judges a trace file, streaming. */
export function verifyFile(path) {
    return verifyItems(readTraceFileBatches(path), path);
}
