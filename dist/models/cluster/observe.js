import { quorumSize } from './types.js';
export const ENVIRONMENT_ID = 'env';
export function environmentOf(view) {
    return view.actor(ENVIRONMENT_ID).snapshot.context;
}
export function serversOf(view) {
    const out = [];
    view.actors.forEach((a, index) => {
        if (a.role !== 'server')
            return;
        const value = a.snapshot.value;
        const role = typeof value === 'string' ? value : Object.keys(value)[0];
        const phase = typeof value === 'string' ? null : value[role];
        out.push({ id: a.id, index, crashed: a.crashed, role, phase, ctx: a.snapshot.context });
    });
    return out;
}
/** True when messages flow between the actors at these indices (no partition between them). */
export function connected(view, a, b) {
    return view.partition === null || view.partition[a] === view.partition[b];
}
/**
 * Fault events so far, as one number that changes with every fault: crashes, restarts,
 * losses, duplications, and each partition counted twice (cut, then heal).
 */
export function faultCount(view) {
    const f = view.faultsUsed;
    return f.crashes + f.restarts + f.losses + f.duplicates + 2 * f.partitions - (view.partition === null ? 0 : 1);
}
/** A server is up when it is neither crashed nor paused. */
export const isUp = (s, env) => !s.crashed && !env.paused.includes(s.id);
/** True when a quorum of servers is up and on one side of any partition. */
export function quorumUp(view, servers, env) {
    const up = servers.filter((s) => isUp(s, env));
    const need = quorumSize(servers.length);
    if (view.partition === null)
        return up.length >= need;
    const sides = [0, 1].map((side) => up.filter((s) => view.partition[s.index] === side).length);
    return Math.max(...sides) >= need;
}
/** Servers that follow `leader` in its epoch, are synced, up and connected to it. */
export function backers(view, servers, env, leader) {
    return servers.filter((f) => f.id in leader.ctx.followers && f.role === 'following' && f.phase === 'synced' && f.ctx.leader === leader.id &&
        f.ctx.currentEpoch === leader.ctx.currentEpoch && isUp(f, env) && connected(view, f.index, leader.index));
}
/** An established, up leader backed by a quorum (itself included), or null. */
export function quorumBackedLeader(view, servers, env) {
    const need = quorumSize(servers.length);
    for (const s of servers) {
        if (s.role !== 'leading' || s.phase !== 'established' || !isUp(s, env))
            continue;
        if (backers(view, servers, env, s).length + 1 >= need)
            return s;
    }
    return null;
}
/**
 * End of the synchronous round: every up server has ticked to `now`, and no message that
 * could be handled (by an up recipient on the sender's side) is in flight. Messages to a
 * crashed, paused or cut-off server wait; they do not hold up time.
 */
export function roundComplete(view, servers, env) {
    for (const s of servers)
        if (isUp(s, env) && s.ctx.tick < env.now)
            return false;
    const byId = new Map(servers.map((s) => [s.id, s]));
    for (const m of view.messages) {
        const from = byId.get(m.from);
        for (const to of m.to) {
            const r = byId.get(to);
            if (isUp(r, env) && connected(view, from.index, r.index))
                return false;
        }
    }
    return true;
}
