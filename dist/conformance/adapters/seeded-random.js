/**
 * Libraries that draw from Math.random are made reproducible by running them with
 * Math.random temporarily replaced by a seeded generator. Draws are also reported to an
 * observer, which lets an adapter see what a library sampled (e.g. P2C's two candidates).
 */
import { nextRandom } from '../../models/balancer/primitives.js';
export class SeededMathRandom {
    state;
    observer = null;
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** Runs `fn` with Math.random drawing from this generator; always restores it. */
    run(fn) {
        const original = Math.random;
        Math.random = () => {
            const r = nextRandom(this.state);
            this.state = r.state;
            this.observer?.(r.value);
            return r.value;
        };
        try {
            return fn();
        }
        finally {
            Math.random = original;
        }
    }
    /** Runs `fn` under this generator and returns its result with the values it drew. */
    observe(fn) {
        const draws = [];
        this.observer = (v) => draws.push(v);
        try {
            return { result: this.run(fn), draws };
        }
        finally {
            this.observer = null;
        }
    }
}
