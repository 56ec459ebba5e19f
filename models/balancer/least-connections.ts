/** Least connections: the backend with the fewest in-flight requests per unit of weight;
 * ties go to the tied backend chosen least recently (one never chosen first, then in
 * membership order), so no backend is favoured whatever the tie sets are. */
import { defineBalancer, type BalancerContext } from './define.ts';

const load = (ctx: BalancerContext, i: number) => (ctx.inflight[ctx.backends[i].id] ?? 0) / ctx.backends[i].weight;

/** Position in the recency order: never chosen (-1) before anything chosen. */
const recency = (ctx: BalancerContext, i: number) => ctx.recency.indexOf(ctx.backends[i].id);

export const leastConnectionsMachine = defineBalancer({
  id: 'balancer-least-connections',
  description: 'fewest in-flight requests per unit of weight, ties to the least recently chosen',
  chooseAction: 'chooseLeastLoaded',
  tracksLoad: true,
  choose: (ctx) => {
    let best = 0;
    for (let i = 1; i < ctx.backends.length; i++) {
      const l = load(ctx, i);
      const b = load(ctx, best);
      if (l < b || (l === b && recency(ctx, i) < recency(ctx, best))) best = i;
    }
    const id = ctx.backends[best].id;
    return { backend: id, patch: { recency: [...ctx.recency.filter((x) => x !== id), id] } };
  },
});
