/**
 * Pure parsing of single trace lines: text in, a typed header or event out, or a
 * UserError naming the file, line and field. No I/O here; see reader.ts for streaming.
 */
import { UserError } from './user-error.ts';
import { fastEvent } from './fast-event.ts';
import { header as headerSchema, traceEvent, type TraceEvent, type TraceHeader } from './trace.ts';
import { firstIssue } from './zod-issue.ts';

export interface LineRef {
  file: string;
  line: number;
}

function parseJson(text: string, at: LineRef): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`bad JSON: ${(err as Error).message}`, at);
  }
}

const fieldOf = (path: (string | number)[]): string | undefined => (path.length > 0 ? path.join('.') : undefined);

export function parseHeaderLine(text: string, at: LineRef): TraceHeader {
  const raw = parseJson(text, at);
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'header') {
    throw new UserError('missing header: the first line must be an object with "type": "header"', { ...at, field: 'type' });
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { ...at, field: fieldOf(issue.path) });
  }
  return parsed.data;
}

/** Validates a JSON value already parsed as an event (the fast path first, zod otherwise). */
export function toEvent(raw: unknown, at: LineRef): TraceEvent {
  const fast = fastEvent(raw);
  if (fast !== undefined) return fast;
  if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'header') {
    throw new UserError('a second header line: only the first line may be a header', { ...at, field: 'type' });
  }
  const parsed = traceEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { ...at, field: fieldOf(issue.path) });
  }
  return parsed.data;
}

export function parseEventLine(text: string, at: LineRef): TraceEvent {
  return toEvent(parseJson(text, at), at);
}
