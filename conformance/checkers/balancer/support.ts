/** Bounded bookkeeping shared by the balancer checkers. */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import type { Figure, Verdict, Violation } from '../types.ts';

/** The last few events, attached to each violation to show what led to it. */
export class EventWindow {
  private readonly items: { line: number; event: TraceEvent }[] = [];
  constructor(private readonly size = 6) {}

  push(event: TraceEvent, line: number): void {
    this.items.push({ line, event });
    if (this.items.length > this.size) this.items.shift();
  }

  snapshot(): { line: number; event: TraceEvent }[] {
    return [...this.items];
  }
}

/** Keeps the first few violations in full and counts the rest, so memory stays bounded. */
export class ViolationLog {
  readonly kept: Violation[] = [];
  total = 0;
  constructor(private readonly window: EventWindow, private readonly cap = 20) {}

  add(line: number, message: string): void {
    this.total++;
    if (this.kept.length < this.cap) this.kept.push({ line, message, window: this.window.snapshot() });
  }

  verdict(property: string, figures: Record<string, Figure>, note?: string): Verdict {
    const fail = this.total > 0;
    return {
      property,
      status: fail ? 'fail' : 'pass',
      note: fail ? `${this.total} violation(s); first at line ${this.kept[0].line}: ${this.kept[0].message}` : note,
      violations: this.kept,
      figures: { ...figures, violations: this.total },
    };
  }
}

export interface Member { id: string; weight: number }

/** The current backend set, updated by membership events. */
export class Membership {
  members = new Map<string, number>();
  /** Number of membership changes seen so far: the index of the current stable segment. */
  epoch = 0;

  reset(header: TraceHeader): void {
    if (header.protocol !== 'balancer') throw new Error('balancer checkers need a balancer trace');
    this.members = new Map(header.config.backends.map((b) => [b.id, b.weight]));
    this.epoch = 0;
  }

  /** Applies a change; returns the backends that left and joined. */
  change(backends: readonly Member[]): { removed: string[]; added: string[] } {
    const next = new Map(backends.map((b) => [b.id, b.weight]));
    const removed = [...this.members.keys()].filter((id) => !next.has(id));
    const added = [...next.keys()].filter((id) => !this.members.has(id));
    this.members = next;
    this.epoch++;
    return { removed, added };
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  get size(): number {
    return this.members.size;
  }
}

export const round = (x: number, digits = 4): number => Number.isFinite(x) ? Number(x.toFixed(digits)) : x;

/** A checker that only judges some policies says so instead of passing vacuously. */
export function skipped(property: string, note: string): Verdict {
  return { property, status: 'skip', note, violations: [], figures: {} };
}
