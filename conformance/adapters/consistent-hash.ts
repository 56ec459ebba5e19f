/**
 * consistent-hash (PJW-hash ring, 40 control points per node placed with Math.random by
 * default, which runs here under a seeded generator). hr.get(key); hr.remove / hr.add.
 */
import { createRequire } from 'node:module';
import type { Backend, Balancer } from '../../src/impl/balancer/types.ts';
import { SeededMathRandom } from './seeded-random.ts';
import type { ThirdPartyRecording } from './types.ts';
import { THIRD_PARTY_SEED, applyDiff, recordLibrary } from './workloads.ts';

interface Ring {
  add(node: string): Ring;
  remove(node: string): Ring;
  get(name: string): string | null;
}
const ConsistentHash = createRequire(import.meta.url)('consistent-hash') as new (options?: object) => Ring;

class ConsistentHashBalancer implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private readonly random = new SeededMathRandom(THIRD_PARTY_SEED);
  private readonly ring: Ring;
  private backends: readonly Backend[];
  constructor(backends: readonly Backend[]) {
    this.backends = backends;
    this.ring = new ConsistentHash();
    this.random.run(() => backends.forEach((b) => this.ring.add(b.id)));
  }
  pick(request: string, key?: string) {
    const backend = this.ring.get(key ?? request);
    if (backend === null) throw new Error('consistent-hash returned no node');
    return { backend };
  }
  done(): void {}
  setBackends(next: readonly Backend[]): void {
    this.random.run(() => applyDiff(this.backends, next, (id) => this.ring.remove(id), (b) => this.ring.add(b.id)));
    this.backends = next;
  }
}

export const consistentHashRecordings: ThirdPartyRecording[] = [{
  library: 'consistent-hash', variant: 'ConsistentHash', file: 'consistent-hash.jsonl', policy: 'consistent-hash',
  notes: 'default options (random control points, seeded); hr.get(key); hr.remove / hr.add on membership change',
  record: (version) => recordLibrary('consistent-hash', version, 'ConsistentHash', 'consistent-hash', { membership: true },
    (spec) => new ConsistentHashBalancer(spec.backends)),
}];
