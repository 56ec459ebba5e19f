/** Random: each pick draws a backend with probability proportional to its weight. */
import { nextRandom, weightedIndex } from '../../../models/balancer/primitives.js';
import { NoBackendsError } from './types.js';
export class RandomBalancer {
    policy = 'random';
    backends;
    state;
    constructor(backends, seed) {
        this.backends = [...backends];
        this.state = seed >>> 0;
    }
    pick() {
        if (this.backends.length === 0)
            throw new NoBackendsError();
        const r = nextRandom(this.state);
        this.state = r.state;
        return { backend: this.backends[weightedIndex(this.backends.map((b) => b.weight), r.value)].id };
    }
    done() { }
    setBackends(backends) {
        this.backends = [...backends];
    }
}
