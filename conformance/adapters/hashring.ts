/**
 * hashring (ketama-compatible consistent hashing, md5, 40 vnodes x 4 replicas per server).
 * Driven with ring.get(key); membership through ring.remove(server) / ring.add(server).
 */
import { createRequire } from 'node:module';
import type { Backend, Balancer } from '../../src/impl/balancer/types.ts';
import type { ThirdPartyRecording } from './types.ts';
import { applyDiff, recordLibrary } from './workloads.ts';

interface HashRing {
  get(key: string): string;
  add(server: string): HashRing;
  remove(server: string): HashRing;
}
const HashRingCtor = createRequire(import.meta.url)('hashring') as new (servers: string[]) => HashRing;

class HashRingBalancer implements Balancer {
  readonly policy = 'consistent-hash' as const;
  private readonly ring: HashRing;
  private backends: readonly Backend[];
  constructor(backends: readonly Backend[]) {
    this.backends = backends;
    this.ring = new HashRingCtor(backends.map((b) => b.id));
  }
  pick(request: string, key?: string) {
    return { backend: this.ring.get(key ?? request) };
  }
  done(): void {}
  setBackends(next: readonly Backend[]): void {
    applyDiff(this.backends, next, (id) => this.ring.remove(id), (b) => this.ring.add(b.id));
    this.backends = next;
  }
}

export const hashringRecordings: ThirdPartyRecording[] = [{
  library: 'hashring', variant: 'HashRing', file: 'hashring.jsonl', policy: 'consistent-hash',
  notes: 'ring.get(key); ring.remove / ring.add on membership change',
  record: (version) => recordLibrary('hashring', version, 'HashRing', 'consistent-hash', { membership: true },
    (spec) => new HashRingBalancer(spec.backends)),
}];
