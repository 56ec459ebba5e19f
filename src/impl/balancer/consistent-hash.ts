/** Consistent hashing on a ring with virtual nodes (see buildRing): removing a backend
 * moves only its own keys, to their next point clockwise. */
import { buildRing, ringLookup, type RingPoint } from '../../../models/balancer/primitives.ts';
import { NoBackendsError, type Backend, type Balancer, type Decision } from './types.ts';

export class ConsistentHash implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private ring: RingPoint[];

  constructor(backends: readonly Backend[]) {
    this.ring = buildRing(backends);
  }

  pick(request: string, key?: string): Decision {
    if (this.ring.length === 0) throw new NoBackendsError();
    return { backend: ringLookup(this.ring, key ?? request) };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    this.ring = buildRing(backends);
  }
}
