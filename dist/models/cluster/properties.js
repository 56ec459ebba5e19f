import { connected, environmentOf, faultCount, isUp, quorumBackedLeader, quorumUp, serversOf, } from './observe.js';
export function clusterProperties({ syncLimit, livenessBound, faulty }) {
    const properties = [
        {
            kind: 'invariant', name: 'one-leader-per-epoch',
            description: 'no two servers are ever established as leader of the same epoch',
            check: (view) => {
                const leaderOf = new Map();
                for (const s of serversOf(view)) {
                    for (const e of s.ctx.led) {
                        const other = leaderOf.get(e);
                        if (other !== undefined)
                            return `${other} and ${s.id} both led epoch ${e}`;
                        leaderOf.set(e, s.id);
                    }
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'epochs-never-decrease',
            description: "a server's accepted and current epochs never go below a value they once had (restarts included)",
            check: (view) => {
                for (const s of serversOf(view)) {
                    const { acceptedEpoch, currentEpoch, highest } = s.ctx;
                    if (acceptedEpoch < highest.accepted)
                        return `${s.id}'s accepted epoch fell from ${highest.accepted} to ${acceptedEpoch}`;
                    if (currentEpoch < highest.current)
                        return `${s.id}'s current epoch fell from ${highest.current} to ${currentEpoch}`;
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'follows-own-epoch',
            description: 'a synced follower is in an epoch its leader proposed, accepts pings only from that leader in that epoch, and a leader counts as synced only followers of its epoch',
            check: (view) => {
                const servers = serversOf(view);
                for (const f of servers) {
                    if (f.role !== 'following' || f.phase !== 'synced')
                        continue;
                    const leader = servers.find((s) => s.id === f.ctx.leader);
                    if (!leader || !leader.ctx.proposals.includes(f.ctx.currentEpoch)) {
                        return `${f.id} follows ${f.ctx.leader} in epoch ${f.ctx.currentEpoch}, which ${f.ctx.leader} never proposed`;
                    }
                    const h = f.ctx.heard;
                    if (h && (h.from !== f.ctx.leader || h.epoch !== f.ctx.currentEpoch)) {
                        return `${f.id} follows ${f.ctx.leader} in epoch ${f.ctx.currentEpoch} but accepted a ping from ${h.from} in epoch ${h.epoch}`;
                    }
                }
                for (const l of servers) {
                    if (l.role !== 'leading' || l.phase !== 'established')
                        continue;
                    for (const f of servers) {
                        if (!(f.id in l.ctx.followers) || f.role !== 'following' || f.phase !== 'synced' || f.ctx.leader !== l.id)
                            continue;
                        if (f.ctx.currentEpoch !== l.ctx.currentEpoch) {
                            return `${l.id} leads epoch ${l.ctx.currentEpoch} and counts ${f.id} as synced, but ${f.id} is in epoch ${f.ctx.currentEpoch}`;
                        }
                    }
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'crashed-follower-marked-down',
            description: `completeness: a leader marks a crashed follower down within syncLimit+1 = ${syncLimit + 1} ticks of the crash (or of last hearing from it, if later)`,
            check: (view) => {
                const env = environmentOf(view);
                for (const l of serversOf(view)) {
                    if (l.crashed || l.role !== 'leading' || l.phase !== 'established')
                        continue;
                    for (const [f, lastSeen] of Object.entries(l.ctx.followers)) {
                        const crashedAt = env.crashedAt[f];
                        if (crashedAt === undefined || !view.actor(f).crashed)
                            continue;
                        const deadline = Math.max(crashedAt, lastSeen) + syncLimit + 1;
                        if (l.ctx.tick >= deadline) {
                            return `${f} crashed in round ${crashedAt} but ${l.id} still counts it as a follower at tick ${l.ctx.tick} (deadline ${deadline})`;
                        }
                    }
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'live-follower-never-marked-down',
            description: `accuracy (synchronous rounds): a leader never marks down a live (not crashed, not paused), connected follower of its epoch when no fault happened in the last syncLimit+1 = ${syncLimit + 1} rounds`,
            check: (view) => {
                const env = environmentOf(view);
                if (faultCount(view) !== env.faultsSeen || env.now - env.lastFault <= syncLimit + 1)
                    return true;
                const servers = serversOf(view);
                for (const l of servers) {
                    // Judged in the round of the suspicion, even if the leader then stepped down.
                    if (l.crashed || l.ctx.suspectedAt !== env.now)
                        continue;
                    for (const id of l.ctx.suspected) {
                        const f = servers.find((s) => s.id === id);
                        if (!isUp(f, env) || !connected(view, f.index, l.index))
                            continue;
                        if (f.role === 'following' && f.phase === 'synced' && f.ctx.leader === l.id && f.ctx.currentEpoch === l.ctx.currentEpoch) {
                            return `${l.id} marked ${f.id} down at tick ${l.ctx.tick}, though ${f.id} is live, connected and following it (last fault in round ${env.lastFault})`;
                        }
                    }
                }
                return true;
            },
        },
        {
            kind: 'invariant', name: 'leader-within-bound',
            description: `bounded liveness: from ${livenessBound} ticks after the last fault on, while a quorum is up and connected and nobody is paused, a quorum-backed leader exists`,
            check: (view) => {
                const env = environmentOf(view);
                if (env.now < env.lastFault + livenessBound || env.paused.length > 0 || faultCount(view) !== env.faultsSeen)
                    return true;
                const servers = serversOf(view);
                if (!quorumUp(view, servers, env))
                    return true;
                return quorumBackedLeader(view, servers, env) !== null ||
                    `no quorum-backed leader ${env.now - env.lastFault} ticks after the last fault (round ${env.lastFault}), bound ${livenessBound}`;
            },
        },
        {
            kind: 'reachable', name: 'leader-established', description: 'some server becomes an established leader',
            reached: (view) => serversOf(view).some((s) => s.role === 'leading' && s.phase === 'established'),
        },
    ];
    if (!faulty)
        return properties;
    return [
        ...properties,
        {
            kind: 'reachable', name: 're-election', description: 'a second epoch is established (a leader was replaced)',
            reached: (view) => serversOf(view).some((s) => s.ctx.led.some((e) => e >= 2)),
        },
        {
            kind: 'reachable', name: 'follower-marked-down', description: 'a leader marks a follower down',
            reached: (view) => serversOf(view).some((s) => s.ctx.suspected.length > 0),
        },
        {
            kind: 'reachable', name: 'liveness-window', description: 'the bounded-liveness premise holds somewhere (the bound is actually tested)',
            reached: (view) => {
                const env = environmentOf(view);
                return (faultCount(view) > 0 || env.lastFault > 0) && env.now >= env.lastFault + livenessBound && faultCount(view) === env.faultsSeen && env.paused.length === 0;
            },
        },
    ];
}
