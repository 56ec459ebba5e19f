/** True when `a` beats `b` in Fast Leader Election's total order. */
export function betterVote(a, b) {
    if (a.epoch !== b.epoch)
        return a.epoch > b.epoch;
    if (a.zxid !== b.zxid)
        return a.zxid > b.zxid;
    return a.leader > b.leader;
}
export const quorumSize = (servers) => Math.floor(servers / 2) + 1;
