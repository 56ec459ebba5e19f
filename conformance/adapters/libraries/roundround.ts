/**
 * roundround: `roundround(array)` returns a function that yields the array's items in
 * turn. It keeps a reference to the array, so membership is changed in place (push,
 * splice), as its README shows.
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

const roundround = lazyRequire<(array: string[]) => () => string | undefined>('roundround');

export const adapters: LibraryAdapter[] = [{
  id: 'roundround', library: 'roundround', variant: 'roundround', version: () => installedVersion('roundround'),
  notes: 'next = roundround(ids); next(); membership by push / splice on the same array',
  capabilities: { policy: 'round-robin', membership: 'any', duplicates: true, weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: true },
  create(backends) {
    const ids = backends.map((b) => b.id);
    const next = roundround()(ids);
    return {
      pick() {
        const id = next();
        if (id === undefined) throw new Rejected('empty array');
        return { backend: id };
      },
      done() {},
      membership(_next, change) {
        applyChange(change, (b) => { ids.push(b.id); }, (id) => { const i = ids.indexOf(id); if (i >= 0) ids.splice(i, 1); });
      },
    };
  },
}];
