/** Consistent hashing: the first virtual node clockwise from hash(key) on a ring built
 * from the backends' ids alone (none for weight 0), so a change moves only the keys it
 * must; the key hash is the configured one (FNV-1a + fmix32, CRC-32, MD5). */
import { defineBalancer } from './define.ts';
import { keyHash } from './hash-functions.ts';
import { buildRing, ringLookup } from './primitives.ts';

export const consistentHashMachine = defineBalancer({
  id: 'balancer-consistent-hash',
  description: 'consistent hashing on a ring with virtual nodes',
  chooseAction: 'lookupRing',
  choose: (ctx, e) => {
    const hash = keyHash(ctx.hash);
    return { backend: ringLookup(buildRing(ctx.backends, hash), e.key ?? e.request, hash) };
  },
});
