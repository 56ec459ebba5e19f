/**
 * The last few events a checker saw, kept in a fixed ring so memory never grows with
 * the trace. A violation copies the ring out as "the events that led to it".
 */
import type { TraceEvent } from '../schema/trace.ts';
import type { Violation } from './types.ts';

export const WINDOW_SIZE = 8;

export class EventWindow {
  private readonly lines: number[];
  private readonly events: (TraceEvent | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly size = WINDOW_SIZE) {
    this.lines = new Array(size).fill(0);
    this.events = new Array(size).fill(undefined);
  }

  push(event: TraceEvent, line: number): void {
    this.lines[this.next] = line;
    this.events[this.next] = event;
    this.next = (this.next + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  /** Oldest first. */
  snapshot(): { line: number; event: TraceEvent }[] {
    const out: { line: number; event: TraceEvent }[] = [];
    for (let i = 0; i < this.count; i++) {
      const at = (this.next - this.count + i + this.size) % this.size;
      out.push({ line: this.lines[at], event: this.events[at] as TraceEvent });
    }
    return out;
  }
}

/** Keeps the first few violations of one property in full and counts the rest. */
export class ViolationLog {
  readonly kept: Violation[] = [];
  total = 0;

  constructor(private readonly window: EventWindow, private readonly keep = 10) {}

  /** `window`: the events that led to it, when they are not the latest (a deadline judged later). */
  report(line: number, message: string, window?: Violation['window']): void {
    this.total++;
    if (this.kept.length < this.keep) this.kept.push({ line, message, window: window ?? this.window.snapshot() });
  }
}

/** A verdict from a violation log: fail if anything was reported. */
export function verdictOf(
  property: string,
  log: ViolationLog,
  figures: Record<string, number | string | boolean | null> = {},
  note?: string,
) {
  return {
    property,
    status: log.total > 0 ? ('fail' as const) : ('pass' as const),
    ...(log.total > 0
      ? { note: `${log.total} violation(s); first at line ${log.kept[0].line}: ${log.kept[0].message}` }
      : note !== undefined ? { note } : {}),
    violations: log.kept,
    figures: { ...figures, violations: log.total },
  };
}
