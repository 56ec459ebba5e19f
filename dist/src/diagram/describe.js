/** A value as a person reads it: strings bare, everything else as compact JSON. */
export function show(v) {
    if (typeof v === 'string')
        return v;
    if (v === undefined)
        return '∅';
    try {
        return JSON.stringify(v) ?? String(v);
    }
    catch {
        return String(v);
    }
}
/** "promise ballot=2 acceptedBallot=1 acceptedValue=v1" */
export function messageText(msg) {
    const fields = Object.entries(msg).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${show(v)}`);
    return [msg.type, ...fields].join(' ');
}
/** "k=v, k2=v2" for a local state snapshot. */
export function stateText(state) {
    return Object.entries(state).map(([k, v]) => `${k}=${show(v)}`).join(', ');
}
const list = (xs) => xs.join(', ');
/** What happened, without the node it happened on. */
export function eventText(e) {
    switch (e.kind) {
        case 'send': return `send ${messageText(e.msg)} → ${Array.isArray(e.to) ? list(e.to) : e.to}`;
        case 'receive': return `receive ${messageText(e.msg)} ← ${e.from}`;
        case 'drop': return `drop ${messageText(e.msg)} from ${e.from}`;
        case 'duplicate': return `duplicate ${messageText(e.msg)} from ${e.from}`;
        case 'state': return `state ${stateText(e.state)}`;
        case 'propose': return `propose ${show(e.value)}`;
        case 'decide': return `decide ${show(e.value)}`;
        case 'role': {
            const leader = e.leader ? ` leader=${e.leader}` : '';
            const zxid = e.zxid !== undefined ? ` zxid=${e.zxid}` : '';
            return `role ${e.role} epoch=${e.epoch}${leader}${zxid}`;
        }
        case 'tick': return `tick ${e.tick}`;
        case 'suspect': return `suspect ${e.peer}${e.tick !== undefined ? ` at tick ${e.tick}` : ''}`;
        case 'session': return `session ${e.session} ${e.action}${e.ephemerals?.length ? ` [${list(e.ephemerals)}]` : ''}`;
        case 'crash':
        case 'restart':
        case 'pause':
        case 'resume':
        case 'heal': return e.kind;
        case 'partition': return `partition ${e.groups.map((g) => `{${list(g)}}`).join(' | ')}`;
        case 'pick': {
            const key = e.key !== undefined ? ` key=${e.key}` : '';
            const cands = e.candidates ? ` of {${list(e.candidates)}}` : '';
            return `pick ${e.request} → ${e.backend}${key}${cands}`;
        }
        case 'done': return `done ${e.request} on ${e.backend}`;
        case 'membership': return `membership ${e.backends.map((b) => (b.weight === 1 ? b.id : `${b.id}(w=${b.weight})`)).join(', ')}`;
    }
}
/** Faults are drawn highlighted; recoveries in a calmer colour; everything else plain. */
export function faultTone(e) {
    switch (e.kind) {
        case 'crash':
        case 'pause':
        case 'partition':
        case 'drop':
        case 'suspect': return 'fault';
        case 'restart':
        case 'resume':
        case 'heal': return 'recovery';
        default: return undefined;
    }
}
