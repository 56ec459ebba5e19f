/**
 * The kit's own seven balancer implementations (src/impl/balancer) and its thirteen
 * mutants, as libraries: the harness's self-test. The correct ones must pass every
 * generated scenario; each mutant must be caught by generated scenarios alone.
 */
import { VNODES_PER_WEIGHT } from '../../../models/balancer/primitives.ts';
import { policies } from '../../../src/impl/balancer/index.ts';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import { NoBackendsError, type Balancer, type BalancerFactory, type Policy } from '../../../src/impl/balancer/types.ts';
import { Rejected, type LibraryAdapter } from '../harness/library.ts';

function kitAdapter(id: string, variant: string, policy: Policy, factory: BalancerFactory, notes: string, hash?: KeyHash): LibraryAdapter {
  return {
    id, library: 'coordkit', variant, version: () => 'kit', notes,
    capabilities: {
      policy, membership: 'any', weights: 'any', zeroWeight: true, reweight: true, completions: true, empty: true,
      // The ring holds VNODES_PER_WEIGHT × w points per backend: weights are kept to what
      // fits in memory (a weight of 10^9 would ask for 6.4 × 10^10 points).
      ...(policy === 'consistent-hash' ? { vnodes: VNODES_PER_WEIGHT, maxWeight: 1000 } : {}),
      ...(hash ? { hash } : {}),
    },
    create(backends, seed) {
      const b: Balancer = factory(backends, seed, hash ? { hash } : undefined);
      const guard = <T>(fn: () => T): T => {
        try { return fn(); } catch (err) { if (err instanceof NoBackendsError) throw new Rejected(err.message); throw err; }
      };
      return {
        pick: (request, key) => guard(() => b.pick(request, key)),
        done: (request) => b.done(request),
        membership: (next) => b.setBackends(next),
      };
    },
  };
}

type KeyHash = 'crc32' | 'md5';

export const kitAdapters: LibraryAdapter[] = [
  ...(Object.keys(policies) as Policy[]).map((p) => kitAdapter(`kit.${p}`, p, p, policies[p], `src/impl/balancer ${p}`)),
  ...(['crc32', 'md5'] as const).flatMap((h) => (['hash', 'consistent-hash'] as const).map((p) =>
    kitAdapter(`kit.${p}.${h}`, `${p} (${h})`, p, policies[p], `src/impl/balancer ${p} keyed by ${h}`, h))),
];

export const mutantAdapters: LibraryAdapter[] = mutants.map((m) =>
  kitAdapter(`mutant.${m.name}`, m.name, m.claims, m.create, `mutant: ${m.description} (breaks ${m.breaks})`));

export const adapters: LibraryAdapter[] = [...kitAdapters, ...mutantAdapters];
