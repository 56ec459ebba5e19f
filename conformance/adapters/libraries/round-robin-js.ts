/**
 * round-robin-js (SequentialRoundRobin, RandomRoundRobin). next(); add(value) /
 * deleteByValue(cb). RandomRoundRobin serves every item once per round in a fresh random
 * order (Math.random) and is judged as the round robin it is named for.
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface RoundRobin { add(value: string): unknown; deleteByValue(cb: (value: string) => boolean): number; next(): { value: string } | null }
type Kind = 'SequentialRoundRobin' | 'RandomRoundRobin';
const lib = lazyRequire<Record<Kind, new (values?: string[]) => RoundRobin>>('round-robin-js');

const adapter = (variant: Kind, id: string, notes: string): LibraryAdapter => ({
  id, library: 'round-robin-js', variant, version: () => installedVersion('round-robin-js'), notes,
  capabilities: { policy: 'round-robin', membership: 'any', duplicates: true, weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: true },
  create(backends) {
    const rr = new (lib()[variant])(backends.map((b) => b.id));
    return {
      pick() {
        const item = rr.next();
        if (item === null || item === undefined) throw new Rejected('no item');
        return { backend: item.value };
      },
      done() {},
      membership(_next, change) { applyChange(change, (b) => rr.add(b.id), (x) => rr.deleteByValue((v) => v === x)); },
    };
  },
});

export const adapters: LibraryAdapter[] = [
  adapter('SequentialRoundRobin', 'round-robin-js', 'next(); deleteByValue / add on membership change'),
  adapter('RandomRoundRobin', 'round-robin-js.random', 'random order within each round (Math.random); deleteByValue / add on membership change'),
];
