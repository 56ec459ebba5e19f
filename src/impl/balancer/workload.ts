/**
 * Deterministic balancer workloads: a seeded stream of picks (with keys), completions and
 * membership changes. The same spec always yields the same steps, so recorded traces are
 * reproducible byte for byte.
 */
import { nextRandom } from '../../../models/balancer/primitives.ts';
import type { Backend } from './types.ts';

export type Step =
  | { op: 'pick'; request: string; key: string }
  | { op: 'done'; request: string }
  | { op: 'membership'; backends: Backend[] };

export interface MembershipChange {
  /** The change happens just before this (0-based) pick. */
  atPick: number;
  backends: Backend[];
}

export interface WorkloadSpec {
  backends: Backend[];
  picks: number;
  /** Size of the key space (keys are "k0".."k{keys-1}"). */
  keys: number;
  /** At most this many requests in flight; completions are drawn at random below it. */
  maxInflight: number;
  changes: MembershipChange[];
  seed: number;
  /** False: requests never finish (for balancers that count assignments, not in-flight). */
  completions?: boolean;
}

export function* workloadSteps(spec: WorkloadSpec): Generator<Step> {
  let rng = (spec.seed ^ 0x5bd1e995) >>> 0;
  const draw = (): number => {
    const r = nextRandom(rng);
    rng = r.state;
    return r.value;
  };
  const open: string[] = [];
  const finishOne = (): Step => {
    const i = Math.floor(draw() * open.length);
    const [request] = open.splice(i, 1);
    return { op: 'done', request };
  };
  const changes = [...spec.changes].sort((a, b) => a.atPick - b.atPick);
  let c = 0;
  for (let p = 0; p < spec.picks; p++) {
    while (c < changes.length && changes[c].atPick === p) yield { op: 'membership', backends: changes[c++].backends };
    const request = `r${p}`;
    yield { op: 'pick', request, key: `k${Math.floor(draw() * spec.keys)}` };
    if (spec.completions === false) continue;
    open.push(request);
    while (open.length > spec.maxInflight || (open.length > 0 && draw() < 0.45)) yield finishOne();
  }
  while (open.length > 0) yield finishOne();
}

/** Backends b1..bn with the given weights (default 1). */
export function backendsOf(n: number, weights: readonly number[] = []): Backend[] {
  return Array.from({ length: n }, (_, i) => ({ id: `b${i + 1}`, weight: weights[i] ?? 1 }));
}

/** The standard churn: drop one backend a third of the way in, add a new one at two thirds. */
export function standardChanges(backends: readonly Backend[], picks: number, dropIndex = 1): MembershipChange[] {
  const afterDrop = backends.filter((_, i) => i !== dropIndex);
  const added: Backend = { id: `b${backends.length + 1}`, weight: backends[dropIndex]?.weight ?? 1 };
  return [
    { atPick: Math.floor(picks / 3), backends: afterDrop },
    { atPick: Math.floor((2 * picks) / 3), backends: [...afterDrop, added] },
  ];
}
