/** Least connections: the backend with the fewest in-flight requests per unit of weight;
 * ties go to a tied backend drawn uniformly with the seeded PRNG (mulberry32 state in the
 * context), so no backend is favoured whatever the tie sets are. */
import { defineBalancer, type BalancerContext } from './define.ts';
import { randomIndex } from './primitives.ts';

const load = (ctx: BalancerContext, i: number) => (ctx.inflight[ctx.backends[i].id] ?? 0) / ctx.backends[i].weight;

export const leastConnectionsMachine = defineBalancer({
  id: 'balancer-least-connections',
  description: 'fewest in-flight requests per unit of weight, ties drawn uniformly',
  chooseAction: 'chooseLeastLoaded',
  tracksLoad: true,
  choose: (ctx) => {
    let min = Infinity;
    let tied: number[] = [];
    for (let i = 0; i < ctx.backends.length; i++) {
      const l = load(ctx, i);
      if (l < min) { min = l; tied = [i]; }
      else if (l === min) tied.push(i);
    }
    if (tied.length === 1) return { backend: ctx.backends[tied[0]].id };
    const r = randomIndex(ctx.rng, tied.length);
    return { backend: ctx.backends[tied[r.index]].id, patch: { rng: r.state } };
  },
});
