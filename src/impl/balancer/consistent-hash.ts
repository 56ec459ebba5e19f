/** Consistent hashing on a ring with virtual nodes (the same ring as the model's buildRing:
 * VNODES_PER_WEIGHT points per unit of weight, none for weight 0): removing a backend moves
 * only its own keys, to their next point clockwise; adding one moves only keys onto it.
 * The key hash is chosen by the header's `hash` (FNV-1a + fmix32, CRC-32 or MD5). Each
 * backend's points are hashed once per instance and kept, so a membership change re-sorts
 * but does not re-hash (64,000 points for a weight of 1,000). */
import { keyHash } from '../../../models/balancer/hash-functions.ts';
import { ringLookup, vnodesOf, type RingPoint } from '../../../models/balancer/primitives.ts';
import { NoBackendsError, type Backend, type Balancer, type BalancerOptions, type Decision } from './types.ts';

export class ConsistentHash implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private ring: RingPoint[] = [];
  private readonly hash: (text: string) => number;
  /** "id#vnodes" -> that backend's ring points. */
  private readonly points = new Map<string, RingPoint[]>();

  constructor(backends: readonly Backend[], options: BalancerOptions = {}) {
    this.hash = keyHash(options.hash);
    this.setBackends(backends);
  }

  private pointsOf(b: Backend): RingPoint[] {
    const v = vnodesOf(b.weight);
    const key = `${b.id}#${v}`;
    let pts = this.points.get(key);
    if (!pts) {
      pts = Array.from({ length: v }, (_, i) => ({ point: this.hash(`${b.id}#${i}`), backend: b.id }));
      this.points.set(key, pts);
    }
    return pts;
  }

  pick(request: string, key?: string): Decision {
    if (this.ring.length === 0) throw new NoBackendsError();
    return { backend: ringLookup(this.ring, key ?? request, this.hash) };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    // Sorted as buildRing sorts: by point, ties by id.
    this.ring = backends.flatMap((b) => this.pointsOf(b))
      .sort((a, b) => a.point - b.point || (a.backend < b.backend ? -1 : a.backend > b.backend ? 1 : 0));
  }
}
