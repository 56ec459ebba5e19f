import { clusterSystem, NO_CLUSTER_FAULTS } from '../../models/cluster/system.js';
import { clusterMutants } from '../impl/cluster/mutants.js';
import { createClusterNode, invalidClusterSpec } from '../impl/cluster/nodes.js';
import { judgeByTrace } from '../impl/cluster/judge.js';
import { AdapterError } from './adapter.js';
/** A model server snapshot as the abstract state src/impl/cluster exposes. */
export function clusterServerView(snapshot) {
    const c = snapshot.context;
    const value = snapshot.value;
    const role = typeof value === 'string' ? value : Object.keys(value)[0];
    const phase = typeof value === 'string' ? null : value[role];
    const disk = { acceptedEpoch: c.acceptedEpoch, acceptedLeader: c.acceptedLeader, currentEpoch: c.currentEpoch, zxid: c.zxid, tick: c.tick };
    switch (role) {
        case 'looking': return { ...disk, role, phase: null, vote: c.vote, votes: c.votes, pending: c.pending };
        case 'following': return { ...disk, role, phase: phase, leader: c.leader, lastHeard: c.lastHeard };
        case 'leading': return {
            ...disk, role, phase: phase, since: c.since,
            pending: c.pending, proposed: c.proposed, followers: c.followers,
        };
        default: throw new Error(`unknown cluster server state ${JSON.stringify(value)}`);
    }
}
export function clusterModelView(role, snapshot) {
    if (role === 'server')
        return clusterServerView(snapshot);
    if (role === 'environment') {
        const c = snapshot.context;
        return { now: c.now, paused: c.paused };
    }
    throw new Error(`no cluster role ${role}`);
}
export function clusterVariant(name) {
    if (name === undefined || name === 'reference')
        return {};
    const m = clusterMutants.find((x) => x.name === name);
    if (!m)
        throw new AdapterError(`no cluster implementation '${name}'; known: reference, ${clusterMutants.map((x) => x.name).join(', ')}`);
    return m.variant;
}
export const clusterBinding = {
    protocol: 'cluster',
    // small: exhaustive coverage stays in the tens of thousands of edges (one crash and
    // restart in six rounds: enough to elect, lose the leader, time out and re-elect).
    // default: walks get every fault.
    system: (size) => clusterSystem(size === 'small'
        ? { servers: 3, syncLimit: 1, maxTicks: 6, faults: { ...NO_CLUSTER_FAULTS, crashes: 1, restarts: 1 } }
        : { servers: 3, syncLimit: 1, maxTicks: 8, faults: { crashes: 2, restarts: 1, partitions: 1, losses: 1, duplicates: 1, pauses: 1 } }),
    modelView: clusterModelView,
    factory: (name) => {
        const variant = clusterVariant(name);
        return (spec) => {
            const bad = invalidClusterSpec(spec);
            if (bad)
                throw new AdapterError(`node spec ${spec?.id ?? ''}: ${bad}`);
            return createClusterNode(spec, variant);
        };
    },
    variants: () => ['reference', ...clusterMutants.map((m) => m.name)],
    judge: judgeByTrace,
    outsideModel: (name) => clusterMutants.find((m) => m.name === name)?.outsideModel === true,
};
