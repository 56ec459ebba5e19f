/** Hash (modulo): hash32(key) mod N. Stable while membership is; remaps most keys when N changes. */
import { hash32 } from '../../../models/balancer/primitives.js';
import { NoBackendsError } from './types.js';
export class ModuloHash {
    policy = 'hash';
    ids;
    constructor(backends) {
        this.ids = backends.map((b) => b.id);
    }
    pick(request, key) {
        if (this.ids.length === 0)
            throw new NoBackendsError();
        return { backend: this.ids[hash32(key ?? request) % this.ids.length] };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
