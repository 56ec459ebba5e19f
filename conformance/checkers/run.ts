/**
 * Runs every checker for a trace's protocol over a stream of trace items: one pass,
 * each event handed to each checker in order. Malformed input surfaces as the reader's
 * UserError; a checker that throws on a well-formed trace is a bug and is reported as
 * such rather than crashing the command.
 */
import { UserError } from '../schema/user-error.ts';
import { readTraceFileBatches, readTraceTextSync, type TraceItem } from '../schema/reader.ts';
import type { Protocol, TraceEvent } from '../schema/trace.ts';
import { traceToJsonl, type Trace, type TraceLine } from '../schema/writer.ts';
import { classOf } from './classes.ts';
import { checkersFor, eventMapFor } from './registry.ts';
import type { Checker, Verdict } from './types.ts';

export interface TraceReport {
  file: string;
  protocol: Protocol;
  events: number;
  verdicts: Verdict[];
}

export const failed = (r: TraceReport) => r.verdicts.some((v) => v.status === 'fail');

/** One pass of every checker of a trace's protocol, built from its header. */
class TraceJudge {
  private checkers: Checker[] = [];
  private protocol: Protocol | undefined;
  private events = 0;
  private map: ((e: TraceEvent, line: number) => TraceEvent) | null = null;
  /** The checker running now, named when it throws (a coordkit bug, not bad input). */
  private current = '';

  constructor(private readonly file: string, private readonly skip: ReadonlySet<string>) {}

  item(item: TraceItem): void {
    if (item.kind === 'header') {
      this.protocol = item.header.protocol;
      this.current = `${this.protocol} checkers`;
      this.checkers = checkersFor(item.header).filter((c) => !this.skip.has(c.name));
      this.map = eventMapFor(item.header, this.file);
      this.current = '';
      return;
    }
    this.events++;
    const event = this.map === null ? item.event : this.map(item.event, item.line);
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
): Promise<TraceReport> {
  const judge = new TraceJudge(file, skip);
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
export function verifyTrace(trace: Trace | Iterable<TraceLine>, file = '<memory>'): TraceReport {
  const judge = new TraceJudge(file, new Set());
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
