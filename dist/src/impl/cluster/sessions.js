/** The table after a client's message (or a leader's expiry notice) heard at `tick`. */
export function applySessionMessage(table, msg, tick) {
    const { [msg.session]: known, ...rest } = table;
    if (msg.op === 'close' || msg.op === 'expire')
        return rest;
    return { ...rest, [msg.session]: { lastHeard: tick, ephemerals: msg.ephemerals ?? known?.ephemerals ?? [] } };
}
/** Every session heard of at `tick`: a new leader's fresh start. */
export function refreshSessions(table, tick) {
    return Object.fromEntries(Object.entries(table).map(([id, s]) => [id, { ...s, lastHeard: tick }]));
}
/**
 * Splits the table at `tick` into the sessions that stay and those that expire, by the
 * given rule (correct: silent for at least `limit` ticks). Expired ids come sorted.
 */
export function expireSessions(table, tick, limit, expired = (silent, l) => silent >= l) {
    const kept = {};
    const gone = [];
    for (const id of Object.keys(table).sort()) {
        const s = table[id];
        if (expired(tick - s.lastHeard, limit))
            gone.push({ session: id, ephemerals: s.ephemerals });
        else
            kept[id] = s;
    }
    return { kept, gone };
}
