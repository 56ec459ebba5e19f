/**
 * Deliberately broken balancers. Each claims a policy it does not honour, and names the
 * property whose checker must catch it; the mutant tests and `traces/balancer` show that
 * every one is caught.
 */
import { hash32, nextRandom } from '../../../models/balancer/primitives.js';
import { ModuloHash } from './hash.js';
import { InflightTable } from './inflight.js';
import { PowerOfTwoChoices } from './power-of-two.js';
import { SmoothWeightedRoundRobin } from './weighted-round-robin.js';
import { NoBackendsError } from './types.js';
/** Round robin over a plain index that survives membership changes unadjusted. */
class IndexRoundRobin {
    onChange;
    policy = 'round-robin';
    ids;
    next = 0;
    constructor(backends, onChange) {
        this.onChange = onChange;
        this.ids = backends.map((b) => b.id);
    }
    pick() {
        if (this.ids.length === 0)
            throw new NoBackendsError();
        this.next %= this.ids.length;
        return { backend: this.ids[this.next++] };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
        if (this.onChange === 'restart')
            this.next = 0;
    }
}
/** "Least connections" that never looks at in-flight counts: it just rotates. */
class BlindLeastConnections {
    policy = 'least-connections';
    ids;
    next = 0;
    constructor(backends) {
        this.ids = backends.map((b) => b.id);
    }
    pick() {
        const backend = this.ids[this.next++ % this.ids.length];
        return { backend };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
/** Least connections that forgets to count a request as finished on one backend. */
class LeakyLeastConnections {
    policy = 'least-connections';
    ids;
    inflight = new InflightTable();
    where = new Map();
    constructor(backends) {
        this.ids = backends.map((b) => b.id);
    }
    pick(request) {
        let best = this.ids[0];
        for (const id of this.ids)
            if (this.inflight.count(id) < this.inflight.count(best))
                best = id;
        this.inflight.start(request, best);
        this.where.set(request, best);
        return { backend: best };
    }
    done(request) {
        if (this.where.get(request) !== this.ids[0])
            this.inflight.finish(request);
        this.where.delete(request);
    }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
/** Power of two choices with the comparison the wrong way round. */
class MoreLoadedP2C extends PowerOfTwoChoices {
    choose(a, b) {
        return this.load(b) > this.load(a) ? b : a;
    }
}
/** Hashes the key together with a per-call counter bucket, so a key drifts over time. */
class DriftingHash {
    policy = 'hash';
    ids;
    calls = 0;
    constructor(backends) {
        this.ids = backends.map((b) => b.id);
    }
    pick(request, key) {
        const epoch = Math.floor(this.calls++ / 500);
        return { backend: this.ids[hash32(`${key ?? request}@${epoch}`) % this.ids.length] };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
/** Smooth WRR that clamps weights to 2 (a narrow integer field): proportions come out wrong. */
class ClampedWeights extends SmoothWeightedRoundRobin {
    constructor(backends) {
        super(backends.map((b) => ({ id: b.id, weight: Math.min(2, b.weight) })));
    }
    setBackends(backends) {
        super.setBackends(backends.map((b) => ({ id: b.id, weight: Math.min(2, b.weight) })));
    }
}
/** Random that reduces only the top 3 bits of its generator mod N: with N = 3, backends
 * get 3/8, 3/8 and 2/8 instead of a third each. */
class BiasedRandom {
    policy = 'random';
    ids;
    state;
    constructor(backends, seed) {
        this.ids = backends.map((b) => b.id);
        this.state = seed >>> 0;
    }
    pick() {
        const r = nextRandom(this.state);
        this.state = r.state;
        const threeBits = Math.floor(r.value * 8);
        return { backend: this.ids[threeBits % this.ids.length] };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
/** Round robin that serves each backend twice in a row. */
class StutteringRoundRobin extends IndexRoundRobin {
    calls = 0;
    pick() {
        if (this.ids.length === 0)
            throw new NoBackendsError();
        const i = Math.floor(this.calls++ / 2) % this.ids.length;
        return { backend: this.ids[i] };
    }
}
/** Round robin that never hears about membership changes and keeps serving the old set. */
class DeafRoundRobin extends IndexRoundRobin {
    setBackends() { }
}
/** Random that draws uniformly, ignoring the backends' weights. */
class UnweightedRandom {
    policy = 'random';
    ids;
    state;
    constructor(backends, seed) {
        this.ids = backends.map((b) => b.id);
        this.state = seed >>> 0;
    }
    pick() {
        const r = nextRandom(this.state);
        this.state = r.state;
        return { backend: this.ids[Math.floor(r.value * this.ids.length)] };
    }
    done() { }
    setBackends(backends) {
        this.ids = backends.map((b) => b.id);
    }
}
export const mutants = [
    {
        name: 'rr-skips-after-removal', claims: 'round-robin', breaks: 'round-robin-membership',
        description: 'keeps its numeric index when a backend leaves, so the next backend in line is skipped',
        create: (b) => new IndexRoundRobin(b, 'keep-index'),
    },
    {
        name: 'rr-restarts-after-change', claims: 'round-robin', breaks: 'round-robin-membership',
        description: 'restarts the rotation at the first backend on every membership change, serving it twice',
        create: (b) => new IndexRoundRobin(b, 'restart'),
    },
    {
        name: 'lc-ignores-inflight', claims: 'least-connections', breaks: 'least-connections',
        description: 'rotates through the backends without looking at in-flight counts',
        create: (b) => new BlindLeastConnections(b),
    },
    {
        name: 'lc-leaks-on-first-backend', claims: 'least-connections', breaks: 'least-connections',
        description: 'never counts requests on the first backend as finished, so it starves it',
        create: (b) => new LeakyLeastConnections(b),
    },
    {
        name: 'p2c-picks-more-loaded', claims: 'power-of-two', breaks: 'p2c-less-loaded',
        description: 'compares its two candidates the wrong way round',
        create: (b, seed) => new MoreLoadedP2C(b, seed),
    },
    {
        name: 'modulo-as-consistent-hash', claims: 'consistent-hash', breaks: 'consistent-hash-movement',
        description: 'hash mod N presented as consistent hashing: keys move between surviving backends',
        create: (b) => new ModuloHash(b),
    },
    {
        name: 'hash-drifts-over-time', claims: 'hash', breaks: 'hash-stable',
        description: 'mixes a time bucket into the hash, so a key changes backend with stable membership',
        create: (b) => new DriftingHash(b),
    },
    {
        name: 'wrr-clamped-weights', claims: 'weighted-round-robin', breaks: 'wrr-proportions',
        description: 'stores weights in a field that clamps them to 2',
        create: (b) => new ClampedWeights(b), weights: [5, 1, 3],
    },
    {
        name: 'random-biased-prng', claims: 'random', breaks: 'random-uniformity',
        description: 'reduces 3 bits of its generator mod N: with 3 backends, shares 3/8, 3/8, 2/8',
        create: (b, seed) => new BiasedRandom(b, seed), weights: [1, 1, 1],
    },
    {
        name: 'rotation-as-random', claims: 'random', breaks: 'random-independence',
        description: 'a fixed rotation presented as random: fits the weights perfectly but is predictable',
        create: (b) => new IndexRoundRobin(b, 'keep-index'),
    },
    {
        name: 'random-ignores-weights', claims: 'random', breaks: 'aggregate',
        description: 'draws uniformly although the backends weigh 5, 1 and 1',
        create: (b, seed) => new UnweightedRandom(b, seed), weights: [5, 1, 1],
    },
    {
        name: 'rr-stutters', claims: 'round-robin', breaks: 'round-robin-order',
        description: 'serves each backend twice in a row',
        create: (b) => new StutteringRoundRobin(b, 'keep-index'),
    },
    {
        name: 'rr-ignores-membership', claims: 'round-robin', breaks: 'pick-validity',
        description: 'never applies membership changes and keeps sending to a removed backend',
        create: (b) => new DeafRoundRobin(b, 'keep-index'),
    },
];
