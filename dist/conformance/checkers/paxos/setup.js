export function paxosSetup(h) {
    const acceptors = new Set(h.config.acceptors);
    const explicit = h.config.quorums;
    const majority = Math.floor(acceptors.size / 2) + 1;
    const containsQuorum = explicit
        ? (m) => explicit.some((q) => q.every((a) => m.has(a)))
        : (m) => {
            let n = 0;
            for (const a of m)
                if (acceptors.has(a))
                    n++;
            return n >= majority;
        };
    return { acceptors, proposers: new Set(h.config.proposers), values: new Set(h.config.values), containsQuorum };
}
