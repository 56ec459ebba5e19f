import { decodeAction } from '../../explore/compose.js';
/** Fingerprints ignore trailing zero words (the encoding widens as messages appear); so does this key. */
function keyOf(v) {
    let end = v.length;
    while (end > 0 && v[end - 1] === 0)
        end--;
    return v.subarray(0, end).join(',');
}
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
/** One line per actor: its state name and the context fields its input does not fix (empty ones left out). */
export function stateLabel(system, v) {
    const view = system.view(v);
    const lines = view.actors.map((a, i) => {
        if (a.crashed)
            return `${a.id}: crashed`;
        const fixed = new Set(Object.keys((system.spec.actors[i].input ?? {})));
        const fields = Object.entries(a.snapshot.context)
            .filter(([k, x]) => !fixed.has(k) && x !== null && !(typeof x === 'object' && Object.keys(x).length === 0))
            .map(([k, x]) => `${k}=${show(x)}`);
        return `${a.id}: ${show(a.snapshot.value)}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}`;
    });
    lines.push(`${view.messages.length} message${view.messages.length === 1 ? '' : 's'} in the network`);
    return lines.join('\n');
}
const brief = (m) => {
    const args = ['ballot', 'value'].filter((k) => m[k] !== undefined && m[k] !== null).map((k) => show(m[k]));
    return `${String(m.type)}${args.length > 0 ? `(${args.join(',')})` : ''}`;
};
/** What a step did, short enough for an edge: "a1 ← prepare(1) from p1", "p0 propose(0,v2)". */
export function actionLabel(system, code) {
    const { kind, actor, arg } = decodeAction(code);
    const who = system.actorId(actor);
    switch (kind) {
        case 0 /* ActionKind.Deliver */: {
            const { from, msg } = system.entries.values[arg].envelope;
            return `${who} ← ${brief(msg)} from ${from}`;
        }
        case 1 /* ActionKind.Offer */:
            return `${who} ${brief(system.eventTables[actor].values[arg])}`;
        case 2 /* ActionKind.Crash */: return `${who} crashes`;
        case 3 /* ActionKind.Restart */: return `${who} restarts`;
        case 4 /* ActionKind.Partition */: return 'partition';
        case 5 /* ActionKind.Heal */: return 'heal';
        case 6 /* ActionKind.Lose */: return `lose ${brief(system.entries.values[arg].envelope.msg)}`;
        case 7 /* ActionKind.Duplicate */: return `duplicate ${brief(system.entries.values[arg].envelope.msg)}`;
    }
}
export function exploredGraph(system, store, options) {
    const path = options.path && options.path.length > 0 ? options.path : [0];
    const index = new Map();
    const buffer = new Uint32Array(store.width);
    for (let i = 0; i < store.size; i++)
        index.set(keyOf(store.read(i, buffer)), i);
    /** Distinct (action, stored successor) pairs of state i; successors the search never stored are skipped. */
    const successorsOf = (i) => {
        const out = [];
        system.successors(store.read(i), (action, next) => {
            const to = index.get(keyOf(next));
            if (to !== undefined)
                out.push({ action, to });
        });
        return out;
    };
    // Rings around the path, nearest states first, until the cap.
    const taken = new Set(path);
    let ring = [...path];
    while (ring.length > 0 && taken.size < options.maxNodes) {
        const next = [];
        for (const i of ring) {
            for (const { to } of successorsOf(i)) {
                if (taken.size >= options.maxNodes)
                    break;
                if (!taken.has(to)) {
                    taken.add(to);
                    next.push(to);
                }
            }
        }
        ring = next;
    }
    const last = path[path.length - 1];
    const nodes = [...taken].sort((a, b) => a - b).map((i) => ({
        id: i,
        label: stateLabel(system, store.read(i)),
        ...(i === 0 ? { initial: true } : {}),
        ...(options.violation && i === last ? { violation: true } : {}),
    }));
    const edges = [];
    const seen = new Set();
    for (const i of taken) {
        for (const { action, to } of successorsOf(i)) {
            // Self-loops (Paxos.tla re-accepting the same proposal) only clutter the picture.
            if (!taken.has(to) || to === i)
                continue;
            const label = actionLabel(system, action);
            const key = `${i}>${to}>${label}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            edges.push({ from: i, to, label });
        }
    }
    return { nodes, edges, highlight: path };
}
