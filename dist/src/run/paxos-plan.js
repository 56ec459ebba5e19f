/** The real-network Paxos run: N acceptors, two proposers retrying with fresh ballots, one learner. */
import { majorityQuorums } from '../../models/paxos/types.js';
import { traceHeader } from '../../conformance/schema/header.js';
export function paxosRunPlan(acceptorCount, opts = {}) {
    const ids = (p, n) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
    const acceptors = ids('a', acceptorCount);
    const proposers = ids('p', opts.proposers ?? 2);
    const learners = ids('l', 1);
    const quorums = majorityQuorums(acceptors);
    const rounds = opts.rounds ?? 200;
    const values = proposers.map((_, i) => `v${i + 1}`);
    const ballotsOf = (p) => Array.from({ length: rounds }, (_, r) => p + r * proposers.length);
    const header = traceHeader('paxos', { acceptors, proposers, learners, values, quorums }, { name: 'coordkit run' });
    return {
        protocol: 'paxos', header, periodMs: opts.periodMs ?? 400,
        nodes: [
            ...proposers.map((id, p) => ({ id, role: 'proposer', input: { self: id, ballots: ballotsOf(p), acceptors, quorums, value: values[p] } })),
            ...acceptors.map((id) => ({ id, role: 'acceptor', input: { self: id, learners } })),
            ...learners.map((id) => ({ id, role: 'learner', input: { self: id, quorums } })),
        ],
        victims: acceptors,
        values: Object.fromEntries(proposers.map((id, p) => [id, values[p]])),
    };
}
