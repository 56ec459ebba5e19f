export const send = (to, msg) => ({ type: 'send', to, msg });
export function isQuorum(members, quorums) {
    const have = new Set(members);
    return quorums.some((q) => q.every((a) => have.has(a)));
}
