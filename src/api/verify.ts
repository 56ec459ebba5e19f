/**
 * `verifyTrace`: judges a recorded trace with every checker of its protocol, whatever
 * form the trace is in (in-memory lines, JSON Lines text, a file path, a byte stream).
 * A thin front over conformance/checkers/run.ts, which does the judging; malformed input
 * is a UserError naming file, line and field.
 */
import type { Readable } from 'node:stream';
import { outcomeOf, verifyFile, verifyItems, verifyTrace as verifyLines, type Outcome, type TraceReport } from '../../conformance/checkers/run.ts';
import { readTraceBatches, readTraceTextSync } from '../../conformance/schema/reader.ts';
import type { Trace, TraceLine } from '../../conformance/schema/writer.ts';

export type TraceInput =
  | { lines: Trace | Iterable<TraceLine> }
  | { text: string }
  | { file: string }
  | { stream: Readable };

export interface TraceVerdict extends TraceReport {
  /** pass, fail, or unchecked (no property could be judged: never a pass). */
  outcome: Outcome;
}

/**
 * Verifies a trace against the checkers of the protocol its header names.
 *
 * @example
 * ```ts
 * const v = await verifyTrace({ file: 'run.jsonl' });
 * if (v.outcome !== 'pass') console.log(v.verdicts.filter((x) => x.status === 'fail'));
 * ```
 * @throws UserError for malformed input (naming file, line and field) or a trace with no protocol events.
 */
export async function verifyTrace(input: TraceInput, name?: string): Promise<TraceVerdict> {
  let report: TraceReport;
  if ('lines' in input) report = verifyLines(input.lines, name);
  else if ('text' in input) report = await verifyItems(toAsync(readTraceTextSync(input.text, name ?? '<memory>')), name ?? '<memory>');
  else if ('file' in input) report = await verifyFile(input.file);
  else report = await verifyItems(readTraceBatches(input.stream, name ?? '<stream>'), name ?? '<stream>');
  return { ...report, outcome: outcomeOf(report) };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
