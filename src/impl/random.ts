/** Seeded randomness for reproducible runs, walks and workloads (mulberry32, one shared step). */
import { nextRandom } from '../../models/balancer/primitives.ts';

export type Rng = () => number;

/** A generator of uniform numbers in [0, 1), reproducible from its seed. */
export function seeded(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
