/** Hash (modulo): hash(key) mod N, with the configured key hash (FNV-1a + fmix32, CRC-32, MD5). */
import { defineBalancer } from './define.ts';
import { keyHash } from './hash-functions.ts';

export const hashMachine = defineBalancer({
  id: 'balancer-hash',
  description: 'hash of the key modulo the number of backends',
  chooseAction: 'hashModulo',
  choose: (ctx, e) => {
    // Weight 0 means drained: not among the N.
    const ids = ctx.backends.filter((b) => b.weight > 0).map((b) => b.id);
    return { backend: ids[keyHash(ctx.hash)(e.key ?? e.request) % ids.length] };
  },
});
