/**
 * Math.random as an environment the harness controls. Libraries that draw from
 * Math.random are made reproducible by giving each process (the library's child process,
 * or one in-process run) its own seeded stream: a fresh instance in the same process
 * continues the stream, a fresh process starts another one — as two real processes would.
 * Draws can be observed, which lets an adapter see what a library sampled (P2C's two
 * candidates).
 */
import { nextRandom } from '../../../models/balancer/primitives.ts';

let active: SeededMathRandom | null = null;

export class SeededMathRandom {
  private state: number;
  private observer: ((value: number) => void) | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private draw = (): number => {
    const r = nextRandom(this.state);
    this.state = r.state;
    this.observer?.(r.value);
    return r.value;
  };

  /** Replaces Math.random for the rest of the process (the library's child process). */
  install(): void {
    Math.random = this.draw;
    active = this;
  }

  /** Runs `fn` with Math.random drawing from this generator; always restores it. */
  run<T>(fn: () => T): T {
    const original = Math.random;
    const before = active;
    Math.random = this.draw;
    active = this;
    try {
      return fn();
    } finally {
      Math.random = original;
      active = before;
    }
  }

  /** Runs `fn` and returns its result with the values it drew from this generator. */
  observe<T>(fn: () => T): { result: T; draws: number[] } {
    const draws: number[] = [];
    this.observer = (v) => draws.push(v);
    try {
      return { result: fn(), draws };
    } finally {
      this.observer = null;
    }
  }
}

/** Runs `fn` and reports the Math.random values it drew (none if the harness's generator
 * is not the one in place). */
export function observeDraws<T>(fn: () => T): { result: T; draws: number[] } {
  return active ? active.observe(fn) : { result: fn(), draws: [] };
}

/** The Math.random seed of process incarnation `incarnation` of a scenario seeded `seed`. */
export function environmentSeed(seed: number, incarnation: number): number {
  return (Math.imul(seed ^ 0x2545f491, 0x9e3779b1) + Math.imul(incarnation + 1, 0x85ebca6b)) >>> 0;
}
