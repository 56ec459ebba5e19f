/** Helpers for checker tests: run the checkers over in-memory traces. */
import { readTraceText } from '../schema/reader.ts';
import type { TraceEvent, TraceHeader } from '../schema/trace.ts';
import { verifyItems, type TraceReport } from './run.ts';

export async function verifyRun(run: { header: TraceHeader; events: TraceEvent[] }): Promise<TraceReport> {
  const text = [run.header, ...run.events].map((x) => JSON.stringify(x)).join('\n') + '\n';
  return verifyItems(readTraceText(text, 'memory.jsonl'), 'memory.jsonl');
}

export const failing = (r: TraceReport) => r.verdicts.filter((v) => v.status === 'fail').map((v) => v.property);
