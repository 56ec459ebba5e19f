/**
 * Pure parsing of single trace lines: text in, a typed header or event out, or a
 * UserError naming the file, line and field. No I/O here; see reader.ts for streaming.
 *
 * JSON nesting is bounded here (MAX_DEPTH): JSON.parse accepts any depth, but every
 * recursive consumer after it (JSON.stringify in --json and violation windows, diagrams,
 * ITF) overflows the stack on a few thousand levels. Only lines the fast path does not
 * accept can be deep (its shapes are fixed and shallow), so the walk costs nothing on
 * ordinary events.
 */
import { UserError } from './user-error.ts';
import { fastEvent } from './fast-event.ts';
import { customTraceEvent, header as headerSchema, traceEvent, type Protocol, type TraceEvent, type TraceHeader } from './trace.ts';
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

/** Deepest nesting of arrays and objects a line may have (a state snapshot is a few levels). */
export const MAX_DEPTH = 64;

/**
 * The top-level field under which `raw` nests deeper than MAX_DEPTH levels, or undefined.
 * Iterative (an explicit stack), so the check itself cannot overflow.
 */
export function tooDeep(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const stack: { v: object; depth: number; top: string }[] = [];
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'object' && v !== null) stack.push({ v, depth: 2, top: k });
  while (stack.length > 0) {
    const { v, depth, top } = stack.pop() as { v: object; depth: number; top: string };
    if (depth > MAX_DEPTH) return top;
    for (const c of Object.values(v)) if (typeof c === 'object' && c !== null) stack.push({ v: c, depth: depth + 1, top });
  }
  return undefined;
}

function checkDepth(raw: unknown, at: LineRef): void {
  const field = tooDeep(raw);
  if (field !== undefined) throw new UserError(`nested deeper than ${MAX_DEPTH} levels of JSON arrays and objects`, { ...at, field });
}

const fieldOf = (path: (string | number)[]): string | undefined => (path.length > 0 ? path.join('.') : undefined);

export function parseHeaderLine(text: string, at: LineRef): TraceHeader {
  const raw = parseJson(text, at);
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'header') {
    throw new UserError('missing header: the first line must be an object with "type": "header"', { ...at, field: 'type' });
  }
  checkDepth(raw, at);
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { ...at, field: fieldOf(issue.path) });
  }
  return parsed.data;
}

/**
 * Validates a JSON value already parsed as an event (the fast path first, zod otherwise).
 * A `custom` trace's messages are the user's own (any object with a type); every other
 * protocol's are the bundled vocabulary.
 */
export function toEvent(raw: unknown, at: LineRef, protocol?: Protocol): TraceEvent {
  const fast = fastEvent(raw);
  if (fast !== undefined) return fast;
  checkDepth(raw, at);
  if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'header') {
    throw new UserError('a second header line: only the first line may be a header', { ...at, field: 'type' });
  }
  // A custom event is typed as a TraceEvent: only the custom replay reads its messages.
  const parsed = (protocol === 'custom' ? customTraceEvent : traceEvent).safeParse(raw) as ReturnType<typeof traceEvent.safeParse>;
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new UserError(issue.message, { ...at, field: fieldOf(issue.path) });
  }
  return parsed.data;
}

export function parseEventLine(text: string, at: LineRef): TraceEvent {
  return toEvent(parseJson(text, at), at);
}
