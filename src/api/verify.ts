/**
 * `verifyTrace`: judges a recorded trace with every checker of its protocol, whatever
 * form the trace is in (in-memory lines, JSON Lines text, a file path, a byte stream).
 * A thin front over conformance/checkers/run.ts, which does the judging; malformed input
 * is a UserError naming file, line and field.
 */
import type { Readable } from 'node:stream';
import { outcomeOf, verifyItems, verifyTrace as verifyLines, type Outcome, type TraceReport } from '../../conformance/checkers/run.ts';
import { readTraceBatches, readTraceFileBatches, readTraceTextSync } from '../../conformance/schema/reader.ts';
import type { SystemSpec } from '../explore/spec.ts';
import { systemCheckers } from './system-checkers.ts';
import type { Trace, TraceLine } from '../../conformance/schema/writer.ts';

export type TraceInput =
  | { lines: Trace | Iterable<TraceLine> }
  | { text: string }
  | { file: string }
  | { stream: Readable };

export interface VerifyOptions {
  /** How the input is named in reports and errors. */
  name?: string;
  /** The system a `custom` trace is replayed on (its checkers: refinement, invariants, liveness on a lasso). */
  system?: SystemSpec;
  /** With `system`: judge `deadlock-free` at the trace's end, as `check --deadlock` does. */
  deadlock?: boolean;
}

export interface TraceVerdict extends TraceReport {
  /** pass, fail, or unchecked (no property could be judged: never a pass). */
  outcome: Outcome;
}

/**
 * Verifies a trace against the checkers of the protocol its header names; a `custom`
 * trace (a counterexample of a user's system) against `options.system`, replayed.
 *
 * @example
 * ```ts
 * const v = await verifyTrace({ file: 'run.jsonl' });
 * if (v.outcome !== 'pass') console.log(v.verdicts.filter((x) => x.status === 'fail'));
 * ```
 * @throws UserError for malformed input (naming file, line and field) or a trace with no protocol events.
 */
export async function verifyTrace(input: TraceInput, options: string | VerifyOptions = {}): Promise<TraceVerdict> {
  const { name, system, deadlock } = typeof options === 'string' ? { name: options, system: undefined, deadlock: false } : options;
  const file = name ?? ('file' in input ? input.file : 'stream' in input ? '<stream>' : '<memory>');
  const custom = system && systemCheckers(system, file, { deadlock });
  let report: TraceReport;
  if ('lines' in input) report = verifyLines(input.lines, file, custom);
  else if ('text' in input) report = await verifyItems(toAsync(readTraceTextSync(input.text, file)), file, undefined, custom);
  else if ('file' in input) report = await verifyItems(readTraceFileBatches(input.file), file, undefined, custom);
  else report = await verifyItems(readTraceBatches(input.stream, file), file, undefined, custom);
  return { ...report, outcome: outcomeOf(report) };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
