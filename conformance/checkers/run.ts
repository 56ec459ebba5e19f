/**
 * Runs every checker for a trace's protocol over a stream of trace items: one pass,
 * each event handed to each checker in order. Malformed input surfaces as the reader's
 * UserError; a checker that throws on a well-formed trace is a bug and is reported as
 * such rather than crashing the command.
 */
import { UserError } from '../schema/user-error.ts';
import type { TraceItem } from '../schema/reader.ts';
import type { Protocol } from '../schema/trace.ts';
import { checkersFor } from './registry.ts';
import type { Checker, CheckerFactory, Verdict } from './types.ts';

export interface TraceReport {
  file: string;
  protocol: Protocol;
  events: number;
  verdicts: Verdict[];
  /** Set when no checker exists for the protocol. */
  note?: string;
}

export const failed = (r: TraceReport) => r.verdicts.some((v) => v.status === 'fail');

/** `items` may come one by one or in batches (readTraceBatches, the fast path). */
export async function verifyItems(
  items: AsyncIterable<TraceItem | TraceItem[]>,
  file: string,
  pick: (p: Protocol) => Promise<CheckerFactory | undefined> = checkersFor,
  /** Checker names to leave out (e.g. 'paxos.refinement' for speed). */
  skip: ReadonlySet<string> = new Set(),
): Promise<TraceReport> {
  let checkers: Checker[] = [];
  let protocol: Protocol | undefined;
  let note: string | undefined;
  let events = 0;
  let current = '';
  let i = 0;
  try {
    for await (const got of items) {
      const batch = Array.isArray(got) ? got : [got];
      for (let b = 0; b < batch.length; b++) {
        const item = batch[b];
        if (item.kind === 'header') {
          protocol = item.header.protocol;
          const factory = await pick(protocol);
          if (!factory) note = `no checkers for protocol '${protocol}' yet`;
          checkers = factory ? factory(item.header).filter((c) => !skip.has(c.name)) : [];
          for (const c of checkers) { current = c.name; c.begin(item.header); }
          current = '';
          continue;
        }
        events++;
        for (i = 0; i < checkers.length; i++) checkers[i].event(item.event, item.line);
      }
    }
    i = -1;
    const verdicts = checkers.flatMap((c) => { current = c.name; return c.end(); });
    return { file, protocol: protocol as Protocol, events, verdicts, ...(note ? { note } : {}) };
  } catch (err) {
    if (err instanceof UserError) throw err;
    current ||= checkers[i]?.name ?? '';
    throw new UserError(`checker ${current || '?'} failed on a well-formed trace (a coordkit bug): ${(err as Error).message}`, { file });
  }
}
