/**
 * @subspace/jump-consistent-hash: jumpConsistentHash(key8bytes, buckets), Lamping and
 * Veach's jump hash. Buckets are positions in the backend list; the 8-byte key is the first
 * 8 bytes of md5(key). Jump hash supports only appending a bucket or removing the last
 * one: the `last-bucket` variant is driven only that way (a control that must pass); the
 * `any-removal` variant removes any backend, as a user with a plain list would, and then
 * keys move between survivors (the documented limitation, shown as a finding).
 */
import { createHash } from 'node:crypto';
import { Rejected, type Backend, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

const lib = lazyRequire<{ jumpConsistentHash(key: Uint8Array, buckets: number): number }>('@subspace/jump-consistent-hash');

const adapter = (variant: 'last-bucket' | 'any-removal', id: string): LibraryAdapter => ({
  id, library: '@subspace/jump-consistent-hash', variant, version: () => installedVersion('@subspace/jump-consistent-hash'),
  notes: variant === 'last-bucket'
    ? 'bucket = jumpConsistentHash(md5(key)[0..8], n) into the backend list; only appending or removing the last backend'
    : 'bucket = jumpConsistentHash(md5(key)[0..8], n) into the backend list; any backend removed from the list',
  capabilities: {
    policy: 'consistent-hash', membership: variant === 'last-bucket' ? 'append-or-remove-last' : 'any',
    weights: 'none', zeroWeight: false, reweight: false, completions: false, empty: true,
  },
  create(backends) {
    let list: readonly Backend[] = backends;
    return {
      pick(_request, key) {
        if (list.length === 0) throw new Rejected('no bucket');
        const bytes = createHash('md5').update(key ?? '').digest().subarray(0, 8);
        return { backend: list[lib().jumpConsistentHash(new Uint8Array(bytes), list.length)].id };
      },
      done() {},
      membership(next) { list = next; },
    };
  },
});

export const adapters: LibraryAdapter[] = [
  adapter('last-bucket', 'jump-consistent-hash'),
  adapter('any-removal', 'jump-consistent-hash.any-removal'),
];
