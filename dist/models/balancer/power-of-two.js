/** Power of two choices: sample two distinct backends from the seeded PRNG and serve the
 * one with fewer in-flight requests per unit of weight (the first on a tie). */
import { defineBalancer } from './define.js';
import { randomIndex } from './primitives.js';
const load = (ctx, i) => (ctx.inflight[ctx.backends[i].id] ?? 0) / ctx.backends[i].weight;
export const powerOfTwoMachine = defineBalancer({
    id: 'balancer-power-of-two',
    description: 'power of two choices',
    chooseAction: 'sampleTwoServeLessLoaded',
    tracksLoad: true,
    choose: (ctx) => {
        const n = ctx.backends.length;
        const a = randomIndex(ctx.rng, n);
        let i = 0;
        let j = 0;
        let rng = a.state;
        if (n > 1) {
            const b = randomIndex(a.state, n - 1);
            i = a.index;
            j = b.index >= a.index ? b.index + 1 : b.index;
            rng = b.state;
        }
        const chosen = load(ctx, j) < load(ctx, i) ? j : i;
        return { backend: ctx.backends[chosen].id, candidates: [ctx.backends[i].id, ctx.backends[j].id], patch: { rng } };
    },
});
