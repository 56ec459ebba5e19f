export const clusterMutants = [
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
