/**
 * Deliberately broken cluster servers. Each names the mistake; the driver kills those the
 * model can see, and the session mutant, which the model does not cover, is killed by the
 * cluster trace checkers on a simulated run (src/drive/cluster-binding.ts).
 */
import type { ClusterVariant } from './nodes.ts';

export interface ClusterMutant {
  name: string;
  description: string;
  variant: ClusterVariant;
  /** The mistake is in what the model leaves out (sessions): only the trace checkers can see it. */
  outsideModel?: boolean;
}

export const clusterMutants: ClusterMutant[] = [
  {
    name: 'leader-keeps-epoch',
    description: 'a new leader proposes the highest epoch it heard of instead of one above it',
    variant: { server: { nextEpoch: (own, followers) => Math.max(own, ...followers) } },
  },
  {
    name: 'follower-never-times-out',
    description: 'a follower never gives up on a silent leader',
    variant: { server: { leaderSilent: () => false } },
  },
  {
    name: 'leader-marks-down-after-1-tick',
    description: 'the leader marks a follower down after one silent tick instead of syncLimit',
    variant: { server: { markDownAfter: () => 0 } },
  },
  {
    name: 'session-never-expires',
    description: 'the leader never expires a silent session',
    variant: { server: { sessionExpired: () => false } },
    outsideModel: true,
  },
  {
    name: 'elected-by-own-vote',
    description: 'a server counts its own vote as a quorum',
    variant: { server: { electionQuorum: () => 1 } },
  },
  {
    name: 'leader-ignores-lost-quorum',
    description: 'a leader left without a quorum of followers keeps leading',
    variant: { server: { stepsDown: false } },
  },
];
