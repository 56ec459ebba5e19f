/**
 * loadbalance (roundRobin and random engines over a pool of {object, weight}; weighted
 * when the first entry has a weight, by repeating each entry `weight` times). It has no
 * membership API, documents weights as positive integers (it throws otherwise: a
 * documented rejection), and its random engine takes a seed (Mersenne Twister).
 */
import { Rejected, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface Engine { pick(): string }
const lib = lazyRequire<{ roundRobin(pool: object[]): Engine; random(pool: object[], seed?: number): Engine }>('loadbalance');

const adapter = (variant: 'roundRobin' | 'random', id: string): LibraryAdapter => ({
  id, library: 'loadbalance', variant, version: () => installedVersion('loadbalance'),
  notes: `loadbalance.${variant}([{object, weight}]${variant === 'random' ? ', seed' : ''}).pick(); no membership API`,
  capabilities: {
    policy: variant === 'roundRobin' ? 'weighted-round-robin' : 'random',
    membership: 'none', weights: 'integers', zeroWeight: false, reweight: false, completions: false, empty: false,
  },
  create(backends, seed) {
    const pool = backends.map((b) => ({ object: b.id, weight: b.weight }));
    let engine: Engine;
    try {
      engine = variant === 'roundRobin' ? lib().roundRobin(pool) : lib().random(pool, seed);
    } catch (err) {
      const m = (err as Error).message;
      if (/must be (greater than zero|an integer)/.test(m)) throw new Rejected(m);
      throw err;
    }
    return {
      pick() { return { backend: engine.pick() }; },
      done() {},
      membership() { throw new Error('loadbalance has no membership API'); },
    };
  },
});

export const adapters: LibraryAdapter[] = [adapter('roundRobin', 'loadbalance'), adapter('random', 'loadbalance.random')];
