/**
 * hashring (ketama-compatible consistent hashing: md5, 40 points × 4 per server).
 * ring.get(key); ring.add(server) / ring.remove(server). Driven unweighted.
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface HashRing { get(key: string): string | undefined; add(server: string): HashRing; remove(server: string): HashRing }
const HashRingCtor = lazyRequire<new (servers: string[]) => HashRing>('hashring');

export const adapters: LibraryAdapter[] = [{
  id: 'hashring', library: 'hashring', variant: 'HashRing', version: () => installedVersion('hashring'),
  notes: 'ring.get(key); ring.add / ring.remove on membership change',
  capabilities: { policy: 'consistent-hash', membership: 'any', weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: true, vnodes: 160 },
  create(backends) {
    const ring = new (HashRingCtor())(backends.map((b) => b.id));
    return {
      pick(_request, key) {
        const b = ring.get(key ?? '');
        if (b === undefined || b === null) throw new Rejected('no server in the ring');
        return { backend: b };
      },
      done() {},
      membership(_next, change) { applyChange(change, (b) => ring.add(b.id), (id) => ring.remove(id)); },
    };
  },
}];
