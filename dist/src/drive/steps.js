/**
 * Steps the driver can take from a model state: every step of the composed model
 * (deliveries, environment events, faults, network loss and duplication), plus
 * deliveries the model ignores. Those leave the model unchanged, so the implementation
 * must also emit nothing and keep its state; without them a mutant that reacts to a
 * message the model refuses (say, an accept below the promise) would never be exercised.
 */
import { decodeAction } from '../explore/compose.js';
export function stepKey(s) {
    return s.kind === 'model' ? `m${s.action}` : `i${s.actor}.${s.entry}`;
}
/** Every step from `v`: the model's successors in their order, then ignored deliveries. */
export function stepsFrom(system, v) {
    const out = [];
    system.successors(v, (action) => out.push({ kind: 'model', action }));
    // Word 0 holds the partition's side-B mask in its high half (see compose.ts).
    const side = v[0] >>> 16;
    system.forEachPresent(v, (e) => {
        const entry = system.entries.values[e];
        for (const { actor, event } of entry.recipients) {
            if (system.crashed(v, actor))
                continue;
            if (((side >>> entry.fromIndex) & 1) !== ((side >>> actor) & 1))
                continue;
            if (system.step(actor, system.local(v, actor), event) < 0)
                out.push({ kind: 'ignored', actor, entry: e });
        }
    });
    return out;
}
/** The model state after `step` (a copy); ignored deliveries leave it as it is. */
export function modelAfter(system, v, step) {
    if (step.kind === 'ignored')
        return v;
    let next = null;
    system.successors(v, (action, n) => {
        if (next === null && action === step.action)
            next = n.slice();
    });
    if (next === null)
        throw new Error(`step ${describeStep(system, step)} is not enabled`);
    return next;
}
const msgText = (msg) => `${msg.type}(${Object.entries(msg).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
export function describeStep(system, step) {
    if (step.kind === 'ignored') {
        const { from, msg } = system.entries.values[step.entry].envelope;
        return `${system.actorId(step.actor)} receives ${msgText(msg)} from ${from} (the model ignores it)`;
    }
    const { kind, actor, arg } = decodeAction(step.action);
    const node = system.actorId(actor);
    switch (kind) {
        case 0 /* ActionKind.Deliver */: {
            const { from, msg } = system.entries.values[arg].envelope;
            return `${node} receives ${msgText(msg)} from ${from}`;
        }
        case 1 /* ActionKind.Offer */: return `${node} takes ${msgText(system.eventTables[actor].values[arg])}`;
        case 2 /* ActionKind.Crash */: return `${node} crashes`;
        case 3 /* ActionKind.Restart */: return `${node} restarts`;
        case 4 /* ActionKind.Partition */: return `network partitioned (side mask ${arg})`;
        case 5 /* ActionKind.Heal */: return 'network healed';
        case 6 /* ActionKind.Lose */: return `network loses ${msgText(system.entries.values[arg].envelope.msg)} from ${system.entries.values[arg].envelope.from}`;
        case 7 /* ActionKind.Duplicate */: return `network duplicates ${msgText(system.entries.values[arg].envelope.msg)} from ${system.entries.values[arg].envelope.from}`;
        default: return `action ${step.action}`;
    }
}
