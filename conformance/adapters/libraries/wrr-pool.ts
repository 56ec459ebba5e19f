/**
 * wrr-pool (LVS-style interleaved weighted round robin). pool.next(); pool.add(value,
 * weight) / pool.remove(predicate); a weight change is remove then add.
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface Pool { add(value: string, weight: number): void; remove(predicate: (v: string) => boolean): unknown; next(): string | null }
const PoolCtor = lazyRequire<new () => Pool>('wrr-pool');

export const adapters: LibraryAdapter[] = [{
  id: 'wrr-pool', library: 'wrr-pool', variant: 'WRRPool', version: () => installedVersion('wrr-pool'),
  notes: 'pool.next(); pool.add(value, weight) / pool.remove(predicate) on membership change (a reweight is remove + add)',
  capabilities: { policy: 'weighted-round-robin', membership: 'any', duplicates: true, weights: 'integers', zeroWeight: true, reweight: true, completions: false, empty: true },
  create(backends) {
    const pool = new (PoolCtor())();
    for (const b of backends) pool.add(b.id, b.weight);
    return {
      pick() {
        const v = pool.next();
        if (v === null || v === undefined) throw new Rejected('empty pool');
        return { backend: v };
      },
      done() {},
      membership(_next, change) { applyChange(change, (b) => pool.add(b.id, b.weight), (id) => pool.remove((v) => v === id)); },
    };
  },
}];
