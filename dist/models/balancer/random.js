/** Random: each pick draws a backend with probability proportional to its weight, from a
 * seeded PRNG whose state is part of the context. */
import { defineBalancer } from './define.js';
import { nextRandom, weightedIndex } from './primitives.js';
export const randomMachine = defineBalancer({
    id: 'balancer-random',
    description: 'weighted random choice from a seeded PRNG',
    chooseAction: 'drawRandom',
    choose: (ctx) => {
        const r = nextRandom(ctx.rng);
        return { backend: ctx.backends[weightedIndex(ctx.backends.map((b) => b.weight), r.value)].id, patch: { rng: r.state } };
    },
});
