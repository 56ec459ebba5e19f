/**
 * load-balancers (P2cBalancer, RandomBalancer). Both take a fixed backend count and have
 * no membership API and no completion API: P2C's load is the number of requests assigned
 * so far, so it is driven with requests that never finish (in-flight = assigned). pick()
 * draws from Math.random; P2C's two candidates are the two draws it makes per pick
 * (trunc(r × n), per its source), observed as drawn.
 */
import { observeDraws } from '../harness/seeded-random.ts';
import type { LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface IndexBalancer { pick(): number }
const lib = lazyRequire<{ P2cBalancer: new (count: number) => IndexBalancer; RandomBalancer: new (count: number) => IndexBalancer }>('load-balancers');

const adapter = (variant: 'P2cBalancer' | 'RandomBalancer', id: string, notes: string): LibraryAdapter => ({
  id, library: 'load-balancers', variant, version: () => installedVersion('load-balancers'), notes,
  capabilities: {
    policy: variant === 'P2cBalancer' ? 'power-of-two' : 'random',
    membership: 'none', weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: false,
  },
  create(backends) {
    const ids = backends.map((b) => b.id);
    const inner = variant === 'P2cBalancer' ? new (lib().P2cBalancer)(ids.length) : new (lib().RandomBalancer)(ids.length);
    return {
      pick() {
        const { result, draws } = observeDraws(() => inner.pick());
        const backend = ids[result];
        if (variant !== 'P2cBalancer' || draws.length !== 2) return { backend };
        const [a, b] = draws.map((r) => ids[Math.trunc(r * ids.length)]);
        return { backend, candidates: [a, b] };
      },
      done() {},
      membership() { throw new Error('load-balancers has no membership API'); },
    };
  },
});

export const adapters: LibraryAdapter[] = [
  adapter('P2cBalancer', 'load-balancers', 'fixed backends, no membership or completion API (load = requests assigned); candidates observed from its two Math.random draws'),
  adapter('RandomBalancer', 'load-balancers.random', 'fixed backends, no membership API; Math.random'),
];
