/** Hash (modulo): hash(key) mod N over the backends of positive weight (the source
 * article's hash balancer; other weights play no part). Stable while membership is; remaps
 * most keys when N changes. The key hash is chosen by the header's `hash` (FNV-1a + fmix32,
 * CRC-32 or MD5). */
import { keyHash } from '../../../models/balancer/hash-functions.ts';
import { NoBackendsError, pickable, type Backend, type Balancer, type BalancerOptions, type Decision } from './types.ts';

export class ModuloHash implements Balancer {
  readonly policy = 'hash' as const;
  private ids: string[];
  private readonly hash: (text: string) => number;

  constructor(backends: readonly Backend[], options: BalancerOptions = {}) {
    this.ids = pickable(backends).map((b) => b.id);
    this.hash = keyHash(options.hash);
  }

  pick(request: string, key?: string): Decision {
    if (this.ids.length === 0) throw new NoBackendsError();
    return { backend: this.ids[this.hash(key ?? request) % this.ids.length] };
  }

  done(): void {}

  setBackends(backends: readonly Backend[]): void {
    this.ids = pickable(backends).map((b) => b.id);
  }
}
