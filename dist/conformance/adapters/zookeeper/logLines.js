// Thread names may contain brackets ("QuorumPeer[myid=1](...)"): anchor on ":Class@line] - ".
const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) +\w+ +\[.*?:[\w$]+@\d+\] - (.*)$/;
/** Epoch milliseconds of a log line's timestamp, or null if the line has none. */
export function logLineTime(line) {
    const m = LINE.exec(line);
    if (!m)
        return null;
    const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}
/**
 * `node` is the trace id of the server whose log this is; `t0` the run's start in epoch
 * ms; `nodeOfSid` maps ZooKeeper's numeric ids to trace ids.
 */
export function parseLogLine(line, node, t0, nodeOfSid) {
    const m = LINE.exec(line);
    if (!m)
        return null;
    const ts = logLineTime(line) - t0;
    const msg = m[8];
    if (ts < 0)
        return null;
    // QuorumPeer sets its state to LOOKING: start of (or return to) leader election.
    if (/^Peer state changed: looking\b/.test(msg))
        return { source: 'log', ts, node, what: 'looking' };
    // Leader.lead(): a quorum acked NEWLEADER; the zxid's high 32 bits are the new epoch.
    const q = /^Have quorum of supporters, sids: .*last processed zxid: (0x[0-9a-fA-F]+)/.exec(msg);
    if (q) {
        const zxid = BigInt(q[1]);
        return { source: 'log', ts, node, what: 'leading', epoch: Number(zxid >> 32n), zxid: Number(zxid) };
    }
    // LearnerHandler.shutdown(): the leader drops a follower (read timeout = syncLimit ticks, or EOF).
    const g = /^Synchronously closing socket to learner (\d+)/.exec(msg);
    if (g)
        return { source: 'log', ts, node, what: 'gave-up-learner', peer: nodeOfSid(Number(g[1])) };
    // Follower.followLeader(): the link to the leader failed (timeout or EOF).
    if (/^Exception when following the leader/.test(msg))
        return { source: 'log', ts, node, what: 'gave-up-leader' };
    return null;
}
