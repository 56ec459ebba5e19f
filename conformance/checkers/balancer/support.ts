/** Bounded bookkeeping shared by the balancer checkers: the current membership. */
import type { Verdict } from '../types.ts';

export interface Member { id: string; weight: number }

/** The current backend set, updated by membership events. */
export class Membership {
  members: Map<string, number>;
  /** Number of membership changes seen so far: the index of the current stable segment. */
  epoch = 0;

  constructor(backends: readonly Member[]) {
    this.members = new Map(backends.map((b) => [b.id, b.weight]));
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
