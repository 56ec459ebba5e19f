/**
 * Runs every checker for a trace's protocol over a stream of trace items: one pass,
 * each event handed to each checker in order. Malformed input surfaces as the reader's
 * UserError; a checker that throws on a well-formed trace is a bug and is reported as
 * such rather than crashing the command.
 *
 * A verdict is never PASS when nothing was checked. A trace with no events, or with only
 * environment events (faults, ticks, state snapshots) and none of its protocol, is
 * unusable input (a UserError: exit 2 in the CLI), because every property would pass
 * vacuously (except a custom lasso, whose empty trace says the initial state stutters
 * forever). A trace whose every property was skipped is a report with outcome
 * 'unchecked', which the CLI also treats as exit 2 (see `outcomeOf`).
 */
import { UserError } from '../schema/user-error.ts';
import { isJudgedEvent } from '../schema/protocol-kinds.ts';
import { readTraceFileBatches, readTraceTextSync, type TraceItem } from '../schema/reader.ts';
import type { Protocol, TraceEvent } from '../schema/trace.ts';
import { traceToJsonl, type Trace, type TraceLine } from '../schema/writer.ts';
import { classOf } from './classes.ts';
import { checkersFor, eventMapFor } from './registry.ts';
import type { Checker, CheckerFactory, Verdict } from './types.ts';

/**
 * The checkers of a `custom` trace: built by whoever can load the user's system (the CLI's
 * `verify --system`, the API's `verifyTrace(..., { system })`), from the trace's header.
 */
export type CustomCheckers = CheckerFactory<'custom'>;

export interface TraceReport {
  file: string;
  protocol: Protocol;
  events: number;
  verdicts: Verdict[];
}

export const failed = (r: TraceReport) => r.verdicts.some((v) => v.status === 'fail');

/**
 * What a report amounts to: 'fail' if any property failed, 'unchecked' if no property
 * was judged (every verdict a skip, or no checker ran), else 'pass'.
 */
export type Outcome = 'pass' | 'fail' | 'unchecked';

export function outcomeOf(r: TraceReport): Outcome {
  if (failed(r)) return 'fail';
  return r.verdicts.some((v) => v.status === 'pass') ? 'pass' : 'unchecked';
}

/** One pass of every checker of a trace's protocol, built from its header. */
class TraceJudge {
  private checkers: Checker[] = [];
  private protocol: Protocol | undefined;
  private events = 0;
  private map: ((e: TraceEvent, line: number) => TraceEvent) | null = null;
  /** Events only this protocol records (not faults, ticks, snapshots): without one, nothing was judged. */
  private protocolEvents = 0;
  private headerLine = 1;
  /**
   * A custom lasso (a header with `loop`): with no events it still says something, that the
   * initial state stutters forever, which its system's checkers judge (a 0-step liveness
   * counterexample, as `check` writes it).
   */
  private customLasso = false;
  /** The checker running now, named when it throws (a coordkit bug, not bad input). */
  private current = '';

  constructor(private readonly file: string, private readonly skip: ReadonlySet<string>, private readonly custom?: CustomCheckers) {}

  item(item: TraceItem): void {
    if (item.kind === 'header') {
      const h = item.header;
      this.protocol = h.protocol;
      this.headerLine = item.line;
      this.customLasso = h.protocol === 'custom' && h.loop !== undefined;
      this.current = `${this.protocol} checkers`;
      if (h.protocol === 'custom' && this.custom === undefined) {
        throw new UserError(`a trace of the custom system '${h.config.system}' is judged by replaying it on that system: give it (coordkit verify FILE --system ${h.config.module ?? './system.ts'})`, { file: this.file, line: item.line, field: 'protocol' });
      }
      this.checkers = (h.protocol === 'custom' ? this.custom!(h) : checkersFor(h)).filter((c) => !this.skip.has(c.name));
      this.map = eventMapFor(item.header, this.file);
      this.current = '';
      return;
    }
    this.events++;
    const event = this.map === null ? item.event : this.map(item.event, item.line);
    if (isJudgedEvent(item.event, this.protocol)) this.protocolEvents++;
    const checkers = this.checkers;
    let i = 0;
    try {
      for (; i < checkers.length; i++) checkers[i].event(event, item.line);
    } catch (err) {
      this.current = checkers[i].name;
      throw err;
    }
  }

  end(): TraceReport {
    const at = { file: this.file, line: this.headerLine };
    if (this.events === 0 && !this.customLasso) throw new UserError('no events: nothing was checked (the trace has a header and no event lines)', at);
    if (this.protocolEvents === 0 && !this.customLasso) {
      throw new UserError(`no ${this.protocol} events: nothing was checked (the ${this.events} event(s) are all faults, ticks or state snapshots)`, at);
    }
    const verdicts = this.checkers.flatMap((c) => { this.current = c.name; return c.end(); })
      .map((v) => ({ ...v, class: classOf(v) }));
    return { file: this.file, protocol: this.protocol as Protocol, events: this.events, verdicts };
  }

  /** A checker that throws on a well-formed trace is a bug: say which, as a UserError. */
  failure(err: unknown): UserError {
    if (err instanceof UserError) return err;
    return new UserError(`checker ${this.current || '?'} failed on a well-formed trace (a coordkit bug): ${(err as Error).message}`, { file: this.file });
  }
}

/** `items` may come one by one or in batches (readTraceBatches, the fast path). */
export async function verifyItems(
  items: AsyncIterable<TraceItem | TraceItem[]>,
  file: string,
  /** Checker names to leave out (e.g. 'paxos.refinement' for speed). */
  skip: ReadonlySet<string> = new Set(),
  /** The checkers of a custom trace (its system, replayed); without them a custom trace is refused. */
  custom?: CustomCheckers,
): Promise<TraceReport> {
  const judge = new TraceJudge(file, skip, custom);
  try {
    for await (const got of items) {
      if (Array.isArray(got)) for (let b = 0; b < got.length; b++) judge.item(got[b]);
      else judge.item(got);
    }
    return judge.end();
  } catch (err) {
    throw judge.failure(err);
  }
}

/** Judges a trace held in memory, synchronously: it is written and read back through the
 * one reader, so it is judged exactly as the same trace in a file would be. */
export function verifyTrace(trace: Trace | Iterable<TraceLine>, file = '<memory>', custom?: CustomCheckers): TraceReport {
  const judge = new TraceJudge(file, new Set(), custom);
  try {
    for (const item of readTraceTextSync(traceToJsonl(trace), file)) judge.item(item);
    return judge.end();
  } catch (err) {
    throw judge.failure(err);
  }
}

/** Judges a trace file, streaming. */
export function verifyFile(path: string): Promise<TraceReport> {
  return verifyItems(readTraceFileBatches(path), path);
}
