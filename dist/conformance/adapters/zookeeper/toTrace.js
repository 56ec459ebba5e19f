/** Intervals (ms) in which each server was up and not paused, from the fault observations. */
export function tickingIntervals(input) {
    const out = new Map();
    const since = new Map();
    for (const s of input.servers) {
        out.set(s, []);
        since.set(s, 0);
    }
    const faults = input.observations.filter((o) => o.source === 'fault').sort((a, b) => a.ts - b.ts);
    for (const f of faults) {
        if (!since.has(f.node))
            continue;
        const from = since.get(f.node) ?? null;
        if (f.what === 'crash' || f.what === 'pause') {
            if (from !== null)
                out.get(f.node).push([from, f.ts]);
            since.set(f.node, null);
        }
        else if (from === null) {
            since.set(f.node, f.ts);
        }
    }
    for (const [s, from] of since)
        if (from !== null)
            out.get(s).push([from, input.end]);
    return out;
}
function ticks(input) {
    const out = [];
    for (const [node, intervals] of tickingIntervals(input)) {
        for (const [from, to] of intervals) {
            for (let k = Math.floor(from / input.tickTime) + 1; k * input.tickTime <= to; k++) {
                out.push({ kind: 'tick', ts: k * input.tickTime, node, tick: k });
            }
        }
    }
    return out;
}
function events(input) {
    const out = [];
    const view = new Map();
    // Who led each epoch, from all observations: a follower's role event may be seen
    // before its leader's. (If two servers led one epoch, the first stays here; the
    // role events themselves still show both, for the checker to catch.)
    const leaderOf = new Map();
    for (const o of input.observations) {
        const leads = (o.source === 'poll' && o.mode === 'leading') || (o.source === 'log' && o.what === 'leading');
        if (leads && 'epoch' in o && !leaderOf.has(o.epoch))
            leaderOf.set(o.epoch, o.node);
    }
    const epochOf = (node) => view.get(node)?.epoch ?? 0;
    const role = (ts, node, r, epoch, zxid) => {
        const prev = view.get(node);
        if (prev && prev.role === r && prev.epoch === epoch)
            return;
        view.set(node, { role: r, epoch });
        const leader = r === 'leading' ? node : r === 'following' ? leaderOf.get(epoch) ?? null : null;
        out.push({ kind: 'role', ts, node, role: r, epoch, leader, ...(zxid === undefined ? {} : { zxid }) });
    };
    const sorted = [...input.observations].sort((a, b) => a.ts - b.ts);
    for (const o of sorted) {
        const ts = Math.max(0, o.ts);
        switch (o.source) {
            case 'poll':
                role(ts, o.node, o.mode, o.epoch, o.zxid);
                break;
            case 'log':
                if (o.what === 'looking')
                    role(ts, o.node, 'looking', epochOf(o.node));
                else if (o.what === 'leading')
                    role(ts, o.node, 'leading', o.epoch, o.zxid);
                else if (o.what === 'gave-up-learner')
                    out.push({ kind: 'suspect', ts, node: o.node, peer: o.peer });
                else {
                    const peer = leaderOf.get(epochOf(o.node));
                    if (peer !== undefined && peer !== o.node)
                        out.push({ kind: 'suspect', ts, node: o.node, peer });
                }
                break;
            case 'fault':
                out.push({ kind: o.what, ts, node: o.node });
                // A crashed server's next observation, whatever it is, is news.
                if (o.what === 'crash' || o.what === 'restart')
                    view.set(o.node, null);
                break;
            case 'client':
                out.push({
                    kind: 'session', ts, node: o.node, session: o.session, action: o.what,
                    ...(o.ephemerals ? { ephemerals: o.ephemerals } : {}),
                });
                break;
        }
    }
    return out;
}
/** All events in time order, numbered from 1. Ties keep ticks before what happened in that instant. */
export function toTraceEvents(input) {
    const all = [...ticks(input), ...events(input)];
    const order = all.map((e, i) => ({ e, i }));
    order.sort((a, b) => (a.e.ts ?? 0) - (b.e.ts ?? 0) || a.i - b.i);
    return order.map(({ e }, i) => ({ ...e, seq: i + 1 }));
}
/**
 * When a leader of `epoch` first had a quorum of 3 servers behind it (itself plus one
 * follower), per the role events: the later of its 'leading' and the first 'following'
 * in that epoch. Null if that never happened.
 */
export function quorumFormedAt(events, epoch) {
    const first = (role) => events.find((e) => e.kind === 'role' && e.role === role && e.epoch === epoch)?.ts;
    const lead = first('leading');
    const follow = first('following');
    return lead === undefined || follow === undefined ? null : Math.max(lead, follow);
}
