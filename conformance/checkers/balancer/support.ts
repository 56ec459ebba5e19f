/** Bounded bookkeeping shared by the balancer checkers: the current membership. */
import type { Verdict } from '../types.ts';

export interface Member { id: string; weight: number }

export interface MembershipChange { removed: string[]; added: string[]; grew: string[]; shrank: string[] }

/**
 * The current pickable backend set (weight > 0), updated by membership events. A backend
 * declared with weight 0 is drained: it is not a member (it may not be picked) and is kept
 * apart in `drained`, so checkers can tell "drained" from "unknown". Going to weight 0 counts
 * as leaving, coming back from 0 as joining.
 */
export class Membership {
  members: Map<string, number>;
  drained: Set<string>;
  /** Number of membership changes seen so far: the index of the current stable segment. */
  epoch = 0;

  constructor(backends: readonly Member[]) {
    this.members = new Map(backends.filter((b) => b.weight > 0).map((b) => [b.id, b.weight]));
    this.drained = new Set(backends.filter((b) => !(b.weight > 0)).map((b) => b.id));
  }

  /** Applies a change; returns the backends that left and joined, and the survivors whose
   * weight rose or fell. */
  change(backends: readonly Member[]): MembershipChange {
    const next = new Map(backends.filter((b) => b.weight > 0).map((b) => [b.id, b.weight]));
    const removed = [...this.members.keys()].filter((id) => !next.has(id));
    const added = [...next.keys()].filter((id) => !this.members.has(id));
    const grew = [...next].filter(([id, w]) => this.members.has(id) && w > this.members.get(id)!).map(([id]) => id);
    const shrank = [...next].filter(([id, w]) => this.members.has(id) && w < this.members.get(id)!).map(([id]) => id);
    this.members = next;
    this.drained = new Set(backends.filter((b) => !(b.weight > 0)).map((b) => b.id));
    this.epoch++;
    return { removed, added, grew, shrank };
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  get size(): number {
    return this.members.size;
  }

  /** Sum of the current weights. */
  get total(): number {
    let t = 0;
    for (const w of this.members.values()) t += w;
    return t;
  }
}

export const round = (x: number, digits = 4): number => Number.isFinite(x) ? Number(x.toFixed(digits)) : x;

/** A checker that only judges some policies says so instead of passing vacuously. */
export function skipped(property: string, note: string): Verdict {
  return { property, status: 'skip', note, violations: [], figures: {} };
}
