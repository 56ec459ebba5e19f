/**
 * load-balancers (P2cBalancer, RandomBalancer). Both take a fixed backend count and have
 * no membership API and no completion API: P2C's load is the number of requests assigned
 * so far, so it is recorded with requests that never finish (in-flight = assigned).
 * pick() draws from Math.random, run here under a seeded generator; P2C's two candidates
 * are the two draws it makes per pick (trunc(r * n), per its source), observed as drawn.
 */
import { createRequire } from 'node:module';
import { SeededMathRandom } from './seeded-random.js';
import { THIRD_PARTY_SEED, recordLibrary } from './workloads.js';
const lib = createRequire(import.meta.url)('load-balancers');
class IndexBalancerAdapter {
    policy;
    random = new SeededMathRandom(THIRD_PARTY_SEED);
    inner;
    ids;
    constructor(policy, backends) {
        this.policy = policy;
        this.ids = backends.map((b) => b.id);
        this.inner = policy === 'power-of-two' ? new lib.P2cBalancer(this.ids.length) : new lib.RandomBalancer(this.ids.length);
    }
    pick() {
        const { result, draws } = this.random.observe(() => this.inner.pick());
        const backend = this.ids[result];
        if (this.policy !== 'power-of-two' || draws.length !== 2)
            return { backend };
        const [a, b] = draws.map((r) => this.ids[Math.trunc(r * this.ids.length)]);
        return { backend, candidates: [a, b] };
    }
    done() { }
    setBackends() {
        throw new Error('load-balancers has no membership API');
    }
}
export const loadBalancersRecordings = [
    {
        library: 'load-balancers', variant: 'P2cBalancer', file: 'load-balancers.jsonl', policy: 'power-of-two',
        notes: 'fixed 4 backends, no membership or completion API (load = requests assigned); candidates observed from its two Math.random draws',
        record: (version) => recordLibrary('load-balancers', version, 'P2cBalancer', 'power-of-two', { membership: false, completions: false }, (spec) => new IndexBalancerAdapter('power-of-two', spec.backends)),
    },
    {
        library: 'load-balancers', variant: 'RandomBalancer', file: 'load-balancers.random.jsonl', policy: 'random',
        notes: 'fixed 4 backends, no membership API; Math.random seeded',
        record: (version) => recordLibrary('load-balancers', version, 'RandomBalancer', 'random', { membership: false, completions: false }, (spec) => new IndexBalancerAdapter('random', spec.backends)),
    },
];
