/** Round robin: backends take turns in a fixed cyclic order. On a membership change the
 * survivors keep their order, newcomers join at the end, and the turn stays with the
 * first survivor that had not had it. */
import { defineBalancer } from './define.js';
export const roundRobinMachine = defineBalancer({
    id: 'balancer-round-robin',
    description: 'round robin over a fixed cyclic order',
    chooseAction: 'advanceCursor',
    choose: (ctx) => ({ backend: ctx.backends[ctx.cursor].id, patch: { cursor: (ctx.cursor + 1) % ctx.backends.length } }),
    onMembership: (ctx, next) => {
        const ids = new Set(next.map((b) => b.id));
        const old = ctx.backends;
        const due = Array.from({ length: old.length }, (_, k) => old[(ctx.cursor + k) % old.length]).find((b) => ids.has(b.id));
        const oldIds = new Set(old.map((b) => b.id));
        const order = [...old.filter((b) => ids.has(b.id)).map((b) => next.find((n) => n.id === b.id)), ...next.filter((b) => !oldIds.has(b.id))];
        return { backends: order, cursor: due ? order.findIndex((b) => b.id === due.id) : 0 };
    },
});
