/** Least connections: the backend with the fewest in-flight requests per unit of weight;
 * ties go to the first found scanning from a rotating start. */
import { defineBalancer } from './define.js';
const load = (ctx, i) => (ctx.inflight[ctx.backends[i].id] ?? 0) / ctx.backends[i].weight;
export const leastConnectionsMachine = defineBalancer({
    id: 'balancer-least-connections',
    description: 'fewest in-flight requests per unit of weight',
    chooseAction: 'chooseLeastLoaded',
    tracksLoad: true,
    choose: (ctx) => {
        const n = ctx.backends.length;
        let best = ctx.cursor % n;
        for (let k = 1; k < n; k++) {
            const i = (ctx.cursor + k) % n;
            if (load(ctx, i) < load(ctx, best))
                best = i;
        }
        return { backend: ctx.backends[best].id, patch: { cursor: (ctx.cursor + 1) % n } };
    },
    onMembership: () => ({ cursor: 0 }),
});
