/** Smooth weighted round robin (nginx): add each weight to its score, serve the highest
 * score, subtract the total from it. A membership change restarts the scores at zero. */
import { defineBalancer } from './define.js';
export const weightedRoundRobinMachine = defineBalancer({
    id: 'balancer-weighted-round-robin',
    description: 'smooth weighted round robin (nginx)',
    chooseAction: 'raiseScoresServeHighest',
    choose: (ctx) => {
        const current = ctx.backends.map((b, i) => ctx.current[i] + b.weight);
        const total = ctx.backends.reduce((a, b) => a + b.weight, 0);
        let best = 0;
        for (let i = 1; i < current.length; i++)
            if (current[i] > current[best])
                best = i;
        current[best] -= total;
        return { backend: ctx.backends[best].id, patch: { current } };
    },
    onMembership: (_ctx, next) => ({ current: next.map(() => 0) }),
});
