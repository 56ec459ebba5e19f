/** The one interface every balancer policy (and every mutant) implements. */
import type { z } from 'zod';
import type { balancerPolicy } from '../../../conformance/schema/trace.ts';
import type { HashName } from '../../../models/balancer/hash-functions.ts';

export type Policy = z.infer<typeof balancerPolicy>;

export interface Backend {
  readonly id: string;
  readonly weight: number;
}

/** What a pick decided; `candidates` is set by power-of-two (the two sampled backends). */
export interface Decision {
  backend: string;
  candidates?: [string, string];
}

export interface Balancer {
  readonly policy: Policy;
  /** Chooses a backend for `request`; hash policies route by `key` (default: the request). */
  pick(request: string, key?: string): Decision;
  /** The request finished: its backend has one fewer in flight. */
  done(request: string): void;
  /** Replaces the backend set (add, remove, reweight). */
  setBackends(backends: readonly Backend[]): void;
}

/** Configuration beyond backends and seed (from the trace header's config). */
export interface BalancerOptions {
  /** Hash policies: the key hash function (default fnv1a-fmix32). */
  hash?: HashName;
}

export type BalancerFactory = (backends: readonly Backend[], seed: number, options?: BalancerOptions) => Balancer;

/** The backends a policy may pick: weight 0 means drained. */
export const pickable = (backends: readonly Backend[]): Backend[] => backends.filter((b) => b.weight > 0);

export class NoBackendsError extends Error {
  constructor() {
    super('balancer has no backends');
  }
}
