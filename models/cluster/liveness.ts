/**
 * The cluster's unbounded liveness property, beside the bounded `leader-within-bound`
 * (properties.ts): after the last fault, while a quorum is up and connected, a
 * quorum-backed leader is eventually established. Judged on the whole graph of an
 * open-clock run (`openClock: true` in system.ts), where time never stops.
 *
 * Stated as `true ~> (leader ∨ no quorum up)`, i.e. `[]<>(leader ∨ no quorum)`. Faults
 * use up a budget kept in the state, so no cycle of the graph contains a fault step: the
 * cycle of a violating lasso lies entirely after the last fault, with the same servers up
 * and the same partition throughout, and there a quorum is up yet no leader ever is.
 * Prefix states before the last fault may lack a leader: they are not the claim.
 *
 * Fairness (weak, per actor and per event, docs/liveness.md): every deliverable message is
 * delivered, and the clock's steps (`tick`, `advance`, `rebase`) are taken when they stay
 * enabled. Faults, pauses and resumes are not fair: they may never happen.
 */
import type { Fairness, LivenessProperty } from '../../src/explore/spec.ts';
import { environmentOf, quorumBackedLeader, quorumUp, serversOf } from './observe.ts';

export const CLUSTER_FAIRNESS: Fairness = { deliver: true, offers: ['tick', 'advance', 'rebase'] };

export function clusterLiveness(): LivenessProperty[] {
  return [{
    kind: 'leadsTo', name: 'leader-eventually',
    description: 'after the last fault, while a quorum is up and connected, a quorum-backed leader is eventually established (true ~> leader or no quorum)',
    from: () => true,
    to: (view) => {
      const env = environmentOf(view);
      const servers = serversOf(view);
      return !quorumUp(view, servers, env) || quorumBackedLeader(view, servers, env) !== null;
    },
  }];
}
