/**
 * hashring (ketama-compatible consistent hashing, md5, 40 vnodes x 4 replicas per server).
 * Driven with ring.get(key); membership through ring.remove(server) / ring.add(server).
 */
import { createRequire } from 'node:module';
import { applyDiff, recordLibrary } from './workloads.js';
const HashRingCtor = createRequire(import.meta.url)('hashring');
class HashRingBalancer {
    policy = 'consistent-hash';
    ring;
    backends;
    constructor(backends) {
        this.backends = backends;
        this.ring = new HashRingCtor(backends.map((b) => b.id));
    }
    pick(request, key) {
        return { backend: this.ring.get(key ?? request) };
    }
    done() { }
    setBackends(next) {
        applyDiff(this.backends, next, (id) => this.ring.remove(id), (b) => this.ring.add(b.id));
        this.backends = next;
    }
}
export const hashringRecordings = [{
        library: 'hashring', variant: 'HashRing', file: 'hashring.jsonl', policy: 'consistent-hash',
        notes: 'ring.get(key); ring.remove / ring.add on membership change',
        record: (version) => recordLibrary('hashring', version, 'HashRing', 'consistent-hash', { membership: true }, (spec) => new HashRingBalancer(spec.backends)),
    }];
