/**
 * consistent-hash (PJW-hash ring, 40 control points per node placed with Math.random by
 * default: each process has its own Math.random stream, seeded by the harness).
 * hr.get(key); hr.add(node) / hr.remove(node).
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface Ring { add(node: string): Ring; remove(node: string): Ring; get(name: string): string | null }
const ConsistentHash = lazyRequire<new (options?: object) => Ring>('consistent-hash');

export const adapters: LibraryAdapter[] = [{
  id: 'consistent-hash', library: 'consistent-hash', variant: 'ConsistentHash', version: () => installedVersion('consistent-hash'),
  notes: 'default options (control points from Math.random); hr.get(key); hr.add / hr.remove on membership change',
  capabilities: { policy: 'consistent-hash', membership: 'any', weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: true, vnodes: 40 },
  create(backends) {
    const ring = new (ConsistentHash())();
    for (const b of backends) ring.add(b.id);
    return {
      pick(_request, key) {
        const b = ring.get(key ?? '');
        if (b === null || b === undefined) throw new Rejected('no node in the ring');
        return { backend: b };
      },
      done() {},
      membership(_next, change) { applyChange(change, (b) => ring.add(b.id), (id) => ring.remove(id)); },
    };
  },
}];
