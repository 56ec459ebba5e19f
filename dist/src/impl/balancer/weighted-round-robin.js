/**
 * Smooth weighted round robin (nginx): every pick adds each backend's weight to its current
 * score, serves the highest score and subtracts the total weight from it. Over each period
 * of sum(weights)/gcd picks every backend is served exactly in proportion, interleaved.
 * A membership change restarts the scores at zero, as nginx does when it rebuilds peers.
 */
import { NoBackendsError } from './types.js';
export class SmoothWeightedRoundRobin {
    policy = 'weighted-round-robin';
    backends = [];
    current = [];
    constructor(backends) {
        this.setBackends(backends);
    }
    pick() {
        if (this.backends.length === 0)
            throw new NoBackendsError();
        let total = 0;
        let best = 0;
        for (let i = 0; i < this.backends.length; i++) {
            this.current[i] += this.backends[i].weight;
            total += this.backends[i].weight;
            if (this.current[i] > this.current[best])
                best = i;
        }
        this.current[best] -= total;
        return { backend: this.backends[best].id };
    }
    done() { }
    setBackends(backends) {
        this.backends = [...backends];
        this.current = backends.map(() => 0);
    }
}
