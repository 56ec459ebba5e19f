/** Consistent hashing: the first virtual node clockwise from hash32(key) on a ring built
 * from the backends' ids alone, so a change moves only the keys it must. */
import { defineBalancer } from './define.js';
import { buildRing, ringLookup } from './primitives.js';
export const consistentHashMachine = defineBalancer({
    id: 'balancer-consistent-hash',
    description: 'consistent hashing on a ring with virtual nodes',
    chooseAction: 'lookupRing',
    choose: (ctx, e) => ({ backend: ringLookup(buildRing(ctx.backends), e.key ?? e.request) }),
});
