/**
 * Deliberately broken balancers. Each claims a policy it does not honour, and names the
 * property whose checker must catch it; the mutant tests and `traces/balancer` show that
 * every one is caught.
 */
import { buildRing, hash32, nextRandom, randomIndex, ringLookup, type RingPoint } from '../../../models/balancer/primitives.ts';
import { ModuloHash } from './hash.ts';
import { InflightTable } from './inflight.ts';
import { PowerOfTwoChoices } from './power-of-two.ts';
import { SmoothWeightedRoundRobin } from './weighted-round-robin.ts';
import { NoBackendsError, type Backend, type Balancer, type BalancerFactory, type Decision, type Policy } from './types.ts';

export interface Mutant {
  name: string;
  /** The policy it claims (and is judged as). */
  claims: Policy;
  /** The property expected to fail. */
  breaks: string;
  description: string;
  create: BalancerFactory;
  /** Backend weights for its workload (default: all 1). */
  weights?: number[];
  /** Instances of the same configuration recorded in one trace (default 1); instance i is
   * created with seed + i, standing for a process's own entropy. */
  instances?: number;
}

/** Round robin over a plain index that survives membership changes unadjusted. */
class IndexRoundRobin implements Balancer {
  readonly policy = 'round-robin' as const;
  protected ids: string[];
  protected next = 0;
  constructor(backends: readonly Backend[], private readonly onChange: 'keep-index' | 'restart') {
    this.ids = backends.map((b) => b.id);
  }
  pick(): Decision {
    if (this.ids.length === 0) throw new NoBackendsError();
    this.next %= this.ids.length;
    return { backend: this.ids[this.next++] };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
    if (this.onChange === 'restart') this.next = 0;
  }
}

/** "Least connections" that never looks at in-flight counts: it just rotates. */
class BlindLeastConnections implements Balancer {
  readonly policy = 'least-connections' as const;
  private ids: string[];
  private next = 0;
  constructor(backends: readonly Backend[]) {
    this.ids = backends.map((b) => b.id);
  }
  pick(): Decision {
    const backend = this.ids[this.next++ % this.ids.length];
    return { backend };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}

/** Least connections that forgets to count a request as finished on one backend. */
class LeakyLeastConnections implements Balancer {
  readonly policy = 'least-connections' as const;
  private ids: string[];
  private readonly inflight = new InflightTable();
  private readonly where = new Map<string, string>();
  constructor(backends: readonly Backend[]) {
    this.ids = backends.map((b) => b.id);
  }
  pick(request: string): Decision {
    let best = this.ids[0];
    for (const id of this.ids) if (this.inflight.count(id) < this.inflight.count(best)) best = id;
    this.inflight.start(request, best);
    this.where.set(request, best);
    return { backend: best };
  }
  done(request: string): void {
    if (this.where.get(request) !== this.ids[0]) this.inflight.finish(request);
    this.where.delete(request);
  }
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}

/** Power of two choices with the comparison the wrong way round. */
class MoreLoadedP2C extends PowerOfTwoChoices {
  protected override choose(a: Backend, b: Backend): Backend {
    return this.load(b) > this.load(a) ? b : a;
  }
}

/** Hashes the key together with a per-call counter bucket, so a key drifts over time. */
class DriftingHash implements Balancer {
  readonly policy = 'hash' as const;
  private ids: string[];
  private calls = 0;
  constructor(backends: readonly Backend[]) {
    this.ids = backends.map((b) => b.id);
  }
  pick(request: string, key?: string): Decision {
    const epoch = Math.floor(this.calls++ / 500);
    return { backend: this.ids[hash32(`${key ?? request}@${epoch}`) % this.ids.length] };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}

/** Smooth WRR that clamps weights to 2 (a narrow integer field): proportions come out wrong. */
class ClampedWeights extends SmoothWeightedRoundRobin {
  constructor(backends: readonly Backend[]) {
    super(backends.map((b) => ({ id: b.id, weight: Math.min(2, b.weight) })));
  }
  override setBackends(backends: readonly Backend[]): void {
    super.setBackends(backends.map((b) => ({ id: b.id, weight: Math.min(2, b.weight) })));
  }
}

/** Random that reduces only the top 3 bits of its generator mod N: with N = 3, backends
 * get 3/8, 3/8 and 2/8 instead of a third each. */
class BiasedRandom implements Balancer {
  readonly policy = 'random' as const;
  private ids: string[];
  private state: number;
  constructor(backends: readonly Backend[], seed: number) {
    this.ids = backends.map((b) => b.id);
    this.state = seed >>> 0;
  }
  pick(): Decision {
    const r = nextRandom(this.state);
    this.state = r.state;
    const threeBits = Math.floor(r.value * 8);
    return { backend: this.ids[threeBits % this.ids.length] };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}

/** Round robin that serves each backend twice in a row. */
class StutteringRoundRobin extends IndexRoundRobin {
  private calls = 0;
  override pick(): Decision {
    if (this.ids.length === 0) throw new NoBackendsError();
    const i = Math.floor(this.calls++ / 2) % this.ids.length;
    return { backend: this.ids[i] };
  }
}

/** Round robin that never hears about membership changes and keeps serving the old set. */
class DeafRoundRobin extends IndexRoundRobin {
  override setBackends(): void {}
}

/** Random that draws uniformly, ignoring the backends' weights. */
class UnweightedRandom implements Balancer {
  readonly policy = 'random' as const;
  private ids: string[];
  private state: number;
  constructor(backends: readonly Backend[], seed: number) {
    this.ids = backends.map((b) => b.id);
    this.state = seed >>> 0;
  }
  pick(): Decision {
    const r = nextRandom(this.state);
    this.state = r.state;
    return { backend: this.ids[Math.floor(r.value * this.ids.length)] };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ids = backends.map((b) => b.id);
  }
}

/** Least connections that scans in membership order and keeps the first minimum: the
 * earliest backend wins every tie. */
class FirstTiedLeastConnections implements Balancer {
  readonly policy = 'least-connections' as const;
  private backends: Backend[];
  private readonly inflight = new InflightTable();
  constructor(backends: readonly Backend[]) {
    this.backends = backends.filter((b) => b.weight > 0);
  }
  pick(request: string): Decision {
    if (this.backends.length === 0) throw new NoBackendsError();
    let best = this.backends[0];
    for (const b of this.backends) if (this.inflight.count(b.id) / b.weight < this.inflight.count(best.id) / best.weight) best = b;
    this.inflight.start(request, best.id);
    return { backend: best.id };
  }
  done(request: string): void {
    this.inflight.finish(request);
  }
  setBackends(backends: readonly Backend[]): void {
    this.backends = backends.filter((b) => b.weight > 0);
  }
}

/** Power of two choices that draws its two candidates independently, so one backend is
 * sometimes both. */
class ReplacementP2C extends PowerOfTwoChoices {
  private rng: number;
  constructor(backends: readonly Backend[], seed: number) {
    super(backends, seed);
    this.rng = (seed ^ 0x9e3779b9) >>> 0;
  }
  protected override sample(): [number, number] {
    const n = this.size;
    const a = randomIndex(this.rng, n);
    const b = randomIndex(a.state, n);
    this.rng = b.state;
    return [a.index, b.index];
  }
}

/** A ring whose points are placed by a per-backend rule the caller supplies. */
class RuleRing implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private ring: RingPoint[] = [];
  constructor(backends: readonly Backend[], private readonly rule: (backends: readonly Backend[]) => RingPoint[]) {
    this.ring = rule(backends);
  }
  pick(request: string, key?: string): Decision {
    if (this.ring.length === 0) throw new NoBackendsError();
    return { backend: ringLookup(this.ring, key ?? request) };
  }
  done(): void {}
  setBackends(backends: readonly Backend[]): void {
    this.ring = this.rule(backends);
  }
}

/** Newcomers (backends not in the first set) get a single ring point whatever their weight. */
function newcomerOneVnode(initial: readonly Backend[]): RuleRing {
  const original = new Set(initial.map((b) => b.id));
  return new RuleRing(initial, (bs) => buildRing(bs.map((b) => (original.has(b.id) ? b : { id: b.id, weight: b.weight > 0 ? 1e-9 : 0 }))));
}

/** Round robin that treats weight 0 like any other weight. */
class DrainBlindRoundRobin extends IndexRoundRobin {}

export const mutants: Mutant[] = [
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
  {
    name: 'rr-serves-drained', claims: 'round-robin', breaks: 'zero-weight-never-picked',
    description: 'keeps a backend of weight 0 in the rotation',
    create: (b) => new DrainBlindRoundRobin(b, 'keep-index'), weights: [1, 0, 1, 1],
  },
  {
    name: 'lc-first-tied', claims: 'least-connections', breaks: 'lc-tie-fairness',
    description: 'breaks ties by membership order, so the first tied backend always wins',
    create: (b) => new FirstTiedLeastConnections(b),
  },
  {
    name: 'p2c-samples-with-replacement', claims: 'power-of-two', breaks: 'p2c-distinct-candidates',
    description: 'draws its two candidates independently, so both are sometimes the same backend',
    create: (b, seed) => new ReplacementP2C(b, seed),
  },
  {
    name: 'ch-one-vnode-per-backend', claims: 'consistent-hash', breaks: 'hash-balance',
    description: 'places one ring point per backend while promising 64 per unit of weight: arcs, and loads, are uneven',
    create: (b) => new RuleRing(b, (bs) => buildRing(bs, hash32, 1)),
  },
  {
    name: 'ch-newcomer-one-vnode', claims: 'consistent-hash', breaks: 'consistent-hash-add-share',
    description: 'gives a backend added later a single ring point: keys move only to it, but far fewer than 1/(N+1)',
    create: (b) => newcomerOneVnode(b),
  },
  {
    name: 'ch-salted-per-instance', claims: 'consistent-hash', breaks: 'hash-deterministic',
    description: 'salts its ring with per-process entropy (the seed), so two instances with one configuration disagree',
    create: (b, seed) => new RuleRing(b, (bs) => buildRing(bs, (t) => hash32(`${seed}/${t}`))), instances: 2,
  },
];
