/**
 * weighted-round-robin (nginx-style smooth WRR, "Peers"). peers.get(); peers.add({id,
 * weight}) / peers.remove(id). Weights 5, 1, 3, 1.
 */
import { createRequire } from 'node:module';
import { applyDiff, recordLibrary } from './workloads.js';
const PeersCtor = createRequire(import.meta.url)('weighted-round-robin');
class PeersBalancer {
    policy = 'weighted-round-robin';
    peers = new PeersCtor();
    backends;
    constructor(backends) {
        this.backends = backends;
        // add() mutates the object it is given, so each gets a fresh copy.
        for (const b of backends)
            this.peers.add({ id: b.id, weight: b.weight });
    }
    pick() {
        const peer = this.peers.get();
        if (peer === null)
            throw new Error('weighted-round-robin returned no peer');
        return { backend: peer.id };
    }
    done() { }
    setBackends(next) {
        applyDiff(this.backends, next, (id) => this.peers.remove(id), (b) => this.peers.add({ id: b.id, weight: b.weight }));
        this.backends = next;
    }
}
export const weightedRoundRobinRecordings = [{
        library: 'weighted-round-robin', variant: 'Peers', file: 'weighted-round-robin.jsonl', policy: 'weighted-round-robin',
        notes: 'weights 5,1,3,1; peers.get(); peers.remove(id) / peers.add({id, weight}) on membership change',
        record: (version) => recordLibrary('weighted-round-robin', version, 'Peers', 'weighted-round-robin', { membership: true, weights: [5, 1, 3, 1] }, (spec) => new PeersBalancer(spec.backends)),
    }];
