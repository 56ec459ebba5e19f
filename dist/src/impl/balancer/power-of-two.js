/**
 * Power of two choices: sample two distinct backends uniformly and send the request to the
 * one with fewer in-flight requests per unit of weight (the first sampled on a tie).
 */
import { randomIndex } from '../../../models/balancer/primitives.js';
import { InflightTable } from './inflight.js';
import { NoBackendsError } from './types.js';
export class PowerOfTwoChoices {
    policy = 'power-of-two';
    backends;
    inflight = new InflightTable();
    state;
    constructor(backends, seed) {
        this.backends = [...backends];
        this.state = seed >>> 0;
    }
    /** Two distinct indices (or the only one twice when there is a single backend). */
    sample() {
        const n = this.backends.length;
        const a = randomIndex(this.state, n);
        if (n === 1) {
            this.state = a.state;
            return [0, 0];
        }
        const b = randomIndex(a.state, n - 1);
        this.state = b.state;
        return [a.index, b.index >= a.index ? b.index + 1 : b.index];
    }
    load(b) {
        return this.inflight.count(b.id) / b.weight;
    }
    choose(a, b) {
        return this.load(b) < this.load(a) ? b : a;
    }
    pick(request) {
        if (this.backends.length === 0)
            throw new NoBackendsError();
        const [i, j] = this.sample();
        const a = this.backends[i];
        const b = this.backends[j];
        const chosen = this.choose(a, b);
        this.inflight.start(request, chosen.id);
        return { backend: chosen.id, candidates: [a.id, b.id] };
    }
    done(request) {
        this.inflight.finish(request);
    }
    setBackends(backends) {
        this.backends = [...backends];
    }
}
