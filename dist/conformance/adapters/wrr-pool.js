/**
 * wrr-pool (LVS-style interleaved weighted round robin). pool.next(); pool.add(value,
 * weight) / pool.remove(predicate). Weights 5, 1, 3, 1.
 */
import { createRequire } from 'node:module';
import { applyDiff, recordLibrary } from './workloads.js';
const PoolCtor = createRequire(import.meta.url)('wrr-pool');
class WrrPoolBalancer {
    policy = 'weighted-round-robin';
    pool = new PoolCtor();
    backends;
    constructor(backends) {
        this.backends = backends;
        for (const b of backends)
            this.pool.add(b.id, b.weight);
    }
    pick() {
        const backend = this.pool.next();
        if (backend === null)
            throw new Error('wrr-pool returned no value');
        return { backend };
    }
    done() { }
    setBackends(next) {
        applyDiff(this.backends, next, (id) => this.pool.remove((v) => v === id), (b) => this.pool.add(b.id, b.weight));
        this.backends = next;
    }
}
export const wrrPoolRecordings = [{
        library: 'wrr-pool', variant: 'WRRPool', file: 'wrr-pool.jsonl', policy: 'weighted-round-robin',
        notes: 'weights 5,1,3,1; pool.next(); pool.remove(predicate) / pool.add(value, weight) on membership change',
        record: (version) => recordLibrary('wrr-pool', version, 'WRRPool', 'weighted-round-robin', { membership: true, weights: [5, 1, 3, 1] }, (spec) => new WrrPoolBalancer(spec.backends)),
    }];
