/**
 * consistent-hash (PJW-hash ring, 40 control points per node placed with Math.random by
 * default, which runs here under a seeded generator). hr.get(key); hr.remove / hr.add.
 */
import { createRequire } from 'node:module';
import { SeededMathRandom } from './seeded-random.js';
import { THIRD_PARTY_SEED, applyDiff, recordLibrary } from './workloads.js';
const ConsistentHash = createRequire(import.meta.url)('consistent-hash');
class ConsistentHashBalancer {
    policy = 'consistent-hash';
    random = new SeededMathRandom(THIRD_PARTY_SEED);
    ring;
    backends;
    constructor(backends) {
        this.backends = backends;
        this.ring = new ConsistentHash();
        this.random.run(() => backends.forEach((b) => this.ring.add(b.id)));
    }
    pick(request, key) {
        const backend = this.ring.get(key ?? request);
        if (backend === null)
            throw new Error('consistent-hash returned no node');
        return { backend };
    }
    done() { }
    setBackends(next) {
        this.random.run(() => applyDiff(this.backends, next, (id) => this.ring.remove(id), (b) => this.ring.add(b.id)));
        this.backends = next;
    }
}
export const consistentHashRecordings = [{
        library: 'consistent-hash', variant: 'ConsistentHash', file: 'consistent-hash.jsonl', policy: 'consistent-hash',
        notes: 'default options (random control points, seeded); hr.get(key); hr.remove / hr.add on membership change',
        record: (version) => recordLibrary('consistent-hash', version, 'ConsistentHash', 'consistent-hash', { membership: true }, (spec) => new ConsistentHashBalancer(spec.backends)),
    }];
