export function isQuorum(members, quorums) {
    const have = new Set(members);
    return quorums.some((q) => q.every((a) => have.has(a)));
}
/** All majorities of `acceptors`, smallest first (for 3 acceptors: the three pairs). */
export function majorityQuorums(acceptors) {
    const size = Math.floor(acceptors.length / 2) + 1;
    const out = [];
    const pick = (start, acc) => {
        if (acc.length === size) {
            out.push(acc);
            return;
        }
        for (let i = start; i < acceptors.length; i++)
            pick(i + 1, [...acc, acceptors[i]]);
    };
    pick(0, []);
    return out;
}
/**
 * The value a proposer must propose given a quorum's promises (Paxos Made Simple, P2c):
 * the value of the highest-numbered accepted proposal among them, or null when none
 * had accepted anything, leaving the proposer free to choose.
 */
export function constrainedValue(promises) {
    let best = null;
    for (const p of promises) {
        if (p.acceptedBallot !== null && (best === null || p.acceptedBallot > best.acceptedBallot))
            best = p;
    }
    return best ? best.acceptedValue : null;
}
