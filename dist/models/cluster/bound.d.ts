/**
 * The bounded-liveness bound, in ticks after the round F of the last fault (derivation in
 * README.md, "Bounded liveness"):
 *
 *   F+1        the latest tick at which a server can still join a doomed candidate or leader
 *              (it reads the outcome of round F's votes at its next tick);
 *   F+s+2      by then every server waiting on a silent leader or candidate has given up
 *              (first tick with now - lastHeard > syncLimit), and leaders without a quorum
 *              and proposers that were not established in time have stepped down;
 *   F+s+2      the looking servers exchange votes and adopt the best one;
 *   F+s+3      those that see a quorum for it follow it and send followerInfo (which is
 *              also a vote: the candidate itself may only have heard their first votes);
 *   F+s+4      the candidate sees its quorum, leads, proposes, and is established within
 *              the round (newEpoch and ackEpoch are delivered before time advances);
 *   F+s+5      a quorum-backed leader exists at every step from this round on.
 *
 * The explorer confirms the bound is tight: with one crash it holds at s+5 and fails at
 * s+4 for syncLimit 1, 2 and 3 (bound.test.ts).
 */
export declare function livenessBound(syncLimit: number): number;
