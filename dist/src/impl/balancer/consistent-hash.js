/** Consistent hashing on a ring with virtual nodes (see buildRing): removing a backend
 * moves only its own keys, to their next point clockwise. */
import { buildRing, ringLookup } from '../../../models/balancer/primitives.js';
import { NoBackendsError } from './types.js';
export class ConsistentHash {
    policy = 'consistent-hash';
    ring;
    constructor(backends) {
        this.ring = buildRing(backends);
    }
    pick(request, key) {
        if (this.ring.length === 0)
            throw new NoBackendsError();
        return { backend: ringLookup(this.ring, key ?? request) };
    }
    done() { }
    setBackends(backends) {
        this.ring = buildRing(backends);
    }
}
