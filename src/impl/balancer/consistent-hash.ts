/** Consistent hashing on a ring with virtual nodes (see buildRing: VNODES_PER_WEIGHT points
 * per unit of weight, none for weight 0): removing a backend moves only its own keys, to
 * their next point clockwise; adding one moves only keys onto it. The key hash is chosen by
 * the header's `hash` (FNV-1a + fmix32, CRC-32 or MD5). */
import { keyHash } from '../../../models/balancer/hash-functions.ts';
import { buildRing, ringLookup, type RingPoint } from '../../../models/balancer/primitives.ts';
import { NoBackendsError, type Backend, type Balancer, type BalancerOptions, type Decision } from './types.ts';

export class ConsistentHash implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private ring: RingPoint[];
  private readonly hash: (text: string) => number;

  constructor(backends: readonly Backend[], options: BalancerOptions = {}) {
    this.hash = keyHash(options.hash);
    this.ring = buildRing(backends, this.hash);
  }

  pick(request: string, key?: string): Decision {
    if (this.ring.length === 0) throw new NoBackendsError();
    return { backend: ringLookup(this.ring, key ?? request, this.hash) };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    this.ring = buildRing(backends, this.hash);
  }
}
