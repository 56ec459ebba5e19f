/** Seeded randomness for reproducible runs, walks and workloads (mulberry32, one shared step). */
import { nextRandom } from '../../models/balancer/primitives.js';
/** A generator of uniform numbers in [0, 1), reproducible from its seed. */
export function seeded(seed) {
    let state = seed >>> 0;
    return () => {
        const r = nextRandom(state);
        state = r.state;
        return r.value;
    };
}
export const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];
