/**
 * Least connections: the backend with the fewest in-flight requests per unit of weight.
 * Ties go round robin (scanning from a rotating start) so equal backends share the load.
 */
import { InflightTable } from './inflight.js';
import { NoBackendsError } from './types.js';
export class LeastConnections {
    policy = 'least-connections';
    backends;
    inflight = new InflightTable();
    start = 0;
    constructor(backends) {
        this.backends = [...backends];
    }
    pick(request) {
        const n = this.backends.length;
        if (n === 0)
            throw new NoBackendsError();
        let best;
        for (let k = 0; k < n; k++) {
            const b = this.backends[(this.start + k) % n];
            if (!best || this.inflight.count(b.id) / b.weight < this.inflight.count(best.id) / best.weight)
                best = b;
        }
        this.start = (this.start + 1) % n;
        this.inflight.start(request, best.id);
        return { backend: best.id };
    }
    done(request) {
        this.inflight.finish(request);
    }
    setBackends(backends) {
        this.backends = [...backends];
        this.start = 0;
    }
}
