import { decodeAction } from './compose.js';
/** Trace kinds a machine may emit directly (besides `send`), copied into traces as they are. */
const EMITTED_KINDS = new Set(['decide', 'propose', 'role', 'suspect', 'session', 'tick']);
const describeMsg = (msg) => `${msg.type}(${Object.entries(msg).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
/** The local state of actor `i` without the fields fixed by its input. */
function localSummary(system, i, local) {
    const snapshot = system.localTables[i].values[local];
    const fixed = new Set(Object.keys((system.spec.actors[i].input ?? {})));
    const context = Object.fromEntries(Object.entries(snapshot.context).filter(([k]) => !fixed.has(k)));
    return { state: snapshot.value, ...context };
}
const summaryText = (s) => Object.entries(s).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
export function counterexample(system, store, path) {
    const events = [];
    const steps = [];
    let seq = 0;
    const push = (node, kind, payload) => events.push({ seq: ++seq, node, kind, ...payload });
    /**
     * Trace events for what a local step emitted, and the acting node's new state. An
     * environment actor (clock, monitor) is not a node of the trace: its steps show only in
     * the step table and through their effects on the nodes.
     */
    const emitLocal = (i, result) => {
        const node = system.actorId(i);
        const step = system.localStep(result);
        if (system.spec.actors[i].environment)
            return summaryText(localSummary(system, i, step.next));
        for (const e of step.emitted) {
            if (e.type === 'send')
                push(node, 'send', { to: e.to, msg: e.msg });
            else if (EMITTED_KINDS.has(e.type)) {
                const { type, ...rest } = e;
                push(node, type, rest);
            }
        }
        const summary = localSummary(system, i, step.next);
        push(node, 'state', { state: summary });
        return summaryText(summary);
    };
    for (let k = 1; k < path.length; k++) {
        const before = store.read(path[k - 1]);
        const { kind, actor, arg } = decodeAction(store.action(path[k]));
        const node = system.actorId(actor);
        const step = (action, after, who = node) => steps.push({ index: k, actor: who, action, after });
        switch (kind) {
            case 0 /* ActionKind.Deliver */: {
                const entry = system.entries.values[arg];
                const { from, msg } = entry.envelope;
                const event = entry.recipients.find((r) => r.actor === actor).event;
                push(node, 'receive', { from, msg, id: `m${arg}` });
                const after = emitLocal(actor, system.step(actor, system.local(before, actor), event));
                step(`receive ${describeMsg(msg)} from ${from}`, after);
                break;
            }
            case 1 /* ActionKind.Offer */: {
                const event = system.eventTables[actor].values[arg];
                const after = emitLocal(actor, system.step(actor, system.local(before, actor), arg));
                step(describeMsg(event), after);
                break;
            }
            case 2 /* ActionKind.Crash */:
                push(node, 'crash', {});
                step('crash', 'crashed');
                break;
            case 3 /* ActionKind.Restart */: {
                push(node, 'restart', {});
                const after = store.read(path[k]);
                step('restart', summaryText(localSummary(system, actor, system.local(after, actor))));
                break;
            }
            case 4 /* ActionKind.Partition */: {
                const ids = system.spec.actors.map((a) => a.id);
                const groups = [ids.filter((_, i) => !((arg >>> i) & 1)), ids.filter((_, i) => (arg >>> i) & 1)];
                push(ids[0], 'partition', { groups });
                step(`partition ${groups.map((g) => `{${g.join(',')}}`).join(' | ')}`, 'network cut', 'network');
                break;
            }
            case 5 /* ActionKind.Heal */:
                push(system.actorId(0), 'heal', {});
                step('heal', 'network connected', 'network');
                break;
            case 6 /* ActionKind.Lose */:
            case 7 /* ActionKind.Duplicate */: {
                const { from, to, msg } = system.entries.values[arg].envelope;
                const lost = kind === 6 /* ActionKind.Lose */;
                push(to[0], lost ? 'drop' : 'duplicate', { from, msg, id: `m${arg}` });
                step(`${lost ? 'lose' : 'duplicate'} ${describeMsg(msg)} ${from}->${to.join(',')}`, lost ? 'message lost' : 'message duplicated', 'network');
                break;
            }
        }
    }
    return { header: system.spec.traceHeader(), events, steps };
}
/** The steps as an aligned text table. */
export function stepTable(steps) {
    const rows = [['#', 'node', 'step', 'state after'], ...steps.map((s) => [String(s.index), s.actor, s.action, s.after])];
    const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
    const fit = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
    const line = (r) => r.map((cell, c) => (c === r.length - 1 ? cell : fit(cell, widths[c]))).join('  ');
    return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
