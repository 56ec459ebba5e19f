/**
 * The last few events a checker saw, kept in a fixed ring so memory never grows with
 * the trace. A violation copies the ring out as "the events that led to it".
 */
import type { TraceEvent } from '../schema/trace.ts';
import type { Verdict, Violation } from './types.ts';

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
    if (++this.next === this.size) this.next = 0; // not %: this runs per checker per event
    if (this.count < this.size) this.count++;
  }

  /** True when `event` at `line` is the latest pushed. */
  protected holdsLatest(event: TraceEvent, line: number): boolean {
    const latest = this.next === 0 ? this.size - 1 : this.next - 1;
    return this.count > 0 && this.events[latest] === event && this.lines[latest] === line;
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

/**
 * A window the checkers of one trace share, each pushing every event (paxos/index.ts):
 * the same event at the same line again is already the latest. Kept apart from
 * EventWindow so that checkers with a window of their own pay nothing for the test.
 */
export class SharedEventWindow extends EventWindow {
  override push(event: TraceEvent, line: number): void {
    if (!this.holdsLatest(event, line)) super.push(event, line);
  }
}

export interface ViolationLogOptions {
  /** How many violations to keep in full (the rest are counted). */
  keep?: number;
  /**
   * What the trace lacks when the property judged nothing, e.g. 'no promise sent by an
   * acceptor'. Given, the checker counts each instance it judges in `judged`, and a log
   * with nothing judged and nothing reported gives a skip, never a pass.
   */
  nothingToJudge?: string;
}

/** Keeps the first few violations of one property in full and counts the rest. */
export class ViolationLog {
  readonly kept: Violation[] = [];
  total = 0;
  /** Instances of the property judged (the events it constrains), when the checker counts them. */
  judged = 0;
  private readonly keep: number;
  readonly nothingToJudge: string | undefined;

  constructor(private readonly window: EventWindow, options: ViolationLogOptions = {}) {
    this.keep = options.keep ?? 10;
    this.nothingToJudge = options.nothingToJudge;
  }

  /** `window`: the events that led to it, when they are not the latest (a deadline judged later). */
  report(line: number, message: string, window?: Violation['window']): void {
    this.total++;
    if (this.kept.length < this.keep) this.kept.push({ line, message, window: window ?? this.window.snapshot() });
  }
}

/**
 * A verdict from a violation log: fail if anything was reported; skip if the log counts
 * what it judges and judged nothing (a property that saw nothing to check has not passed).
 */
export function verdictOf(
  property: string,
  log: ViolationLog,
  figures: Record<string, number | string | boolean | null> = {},
  note?: string,
): Verdict {
  if (log.nothingToJudge !== undefined && log.total === 0 && log.judged === 0) {
    return { property, status: 'skip', note: `nothing to judge: ${log.nothingToJudge}`, violations: [], figures: { ...figures, judged: 0 } };
  }
  return {
    property,
    status: log.total > 0 ? ('fail' as const) : ('pass' as const),
    ...(log.total > 0
      ? { note: `${log.total} violation(s); first at line ${log.kept[0].line}: ${log.kept[0].message}` }
      : note !== undefined ? { note } : {}),
    violations: log.kept,
    figures: { ...figures, violations: log.total, ...(log.nothingToJudge !== undefined ? { judged: log.judged } : {}) },
  };
}
