/** The cluster binding: models/cluster's system of servers and environment, and src/impl/cluster. */
import type { AnyMachineSnapshot } from 'xstate';
import type { EnvironmentContext } from '../../models/cluster/environment.ts';
import type { ServerContext } from '../../models/cluster/server.ts';
import { clusterSystem, NO_CLUSTER_FAULTS } from '../../models/cluster/system.ts';
import { clusterMutants } from '../impl/cluster/mutants.ts';
import { createClusterNode, invalidClusterSpec, type ClusterNodeSpec, type ClusterVariant } from '../impl/cluster/nodes.ts';
import { judgeByTrace } from './cluster-judge.ts';
import type { ClockView, ServerView, Vote } from '../impl/cluster/types.ts';
import { AdapterError } from './adapter.ts';
import type { DriveSize, ProtocolBinding } from './binding.ts';

/** A model server snapshot as the abstract state src/impl/cluster exposes. */
export function clusterServerView(snapshot: AnyMachineSnapshot): ServerView {
  const c = snapshot.context as ServerContext;
  const value = snapshot.value as string | Record<string, string>;
  const role = typeof value === 'string' ? value : Object.keys(value)[0];
  const phase = typeof value === 'string' ? null : value[role];
  const disk = { acceptedEpoch: c.acceptedEpoch, acceptedLeader: c.acceptedLeader, currentEpoch: c.currentEpoch, zxid: c.zxid, tick: c.tick };
  switch (role) {
    case 'looking': return { ...disk, role, phase: null, vote: c.vote as Vote, votes: c.votes, pending: c.pending };
    case 'following': return { ...disk, role, phase: phase as 'syncing' | 'synced', leader: c.leader as string, lastHeard: c.lastHeard };
    case 'leading': return {
      ...disk, role, phase: phase as 'proposing' | 'established', since: c.since,
      pending: c.pending, proposed: c.proposed, followers: c.followers,
    };
    default: throw new Error(`unknown cluster server state ${JSON.stringify(value)}`);
  }
}

export function clusterModelView(role: string, snapshot: AnyMachineSnapshot): unknown {
  if (role === 'server') return clusterServerView(snapshot);
  if (role === 'environment') {
    const c = snapshot.context as EnvironmentContext;
    return { now: c.now, paused: c.paused } satisfies ClockView;
  }
  throw new Error(`no cluster role ${role}`);
}

export function clusterVariant(name?: string): ClusterVariant {
  if (name === undefined || name === 'reference') return {};
  const m = clusterMutants.find((x) => x.name === name);
  if (!m) throw new AdapterError(`no cluster implementation '${name}'; known: reference, ${clusterMutants.map((x) => x.name).join(', ')}`);
  return m.variant;
}

export const clusterBinding: ProtocolBinding = {
  protocol: 'cluster',
  // small: exhaustive coverage stays in the tens of thousands of edges (one crash and
  // restart in six rounds: enough to elect, lose the leader, time out and re-elect).
  // default: walks get every fault.
  system: (size: DriveSize) => clusterSystem(size === 'small'
    ? { servers: 3, syncLimit: 1, maxTicks: 6, faults: { ...NO_CLUSTER_FAULTS, crashes: 1, restarts: 1 } }
    : { servers: 3, syncLimit: 1, maxTicks: 8, faults: { crashes: 2, restarts: 1, partitions: 1, losses: 1, duplicates: 1, pauses: 1 } }),
  modelView: clusterModelView,
  factory: (name) => {
    const variant = clusterVariant(name);
    return (spec) => {
      const bad = invalidClusterSpec(spec);
      if (bad) throw new AdapterError(`node spec ${(spec as { id?: string })?.id ?? ''}: ${bad}`);
      return createClusterNode(spec as ClusterNodeSpec, variant);
    };
  },
  variants: () => ['reference', ...clusterMutants.map((m) => m.name)],
  judge: judgeByTrace,
  outsideModel: (name) => clusterMutants.find((m) => m.name === name)?.outsideModel === true,
};
