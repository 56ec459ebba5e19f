/** Hash (modulo): hash32(key) mod N. */
import { defineBalancer } from './define.js';
import { hash32 } from './primitives.js';
export const hashMachine = defineBalancer({
    id: 'balancer-hash',
    description: 'hash of the key modulo the number of backends',
    chooseAction: 'hashModulo',
    choose: (ctx, e) => ({ backend: ctx.backends[hash32(e.key ?? e.request) % ctx.backends.length].id }),
});
