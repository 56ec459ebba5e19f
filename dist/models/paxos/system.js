import { acceptorMachine } from './acceptor.js';
import { proposerMachine } from './proposer.js';
import { learnerMachine } from './learner.js';
import { paxosProperties } from './properties.js';
import { majorityQuorums } from './types.js';
import { traceHeader } from '../../conformance/schema/header.js';
const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
export function paxosTlaSystem(cfg) {
    const acceptors = names('a', cfg.acceptors);
    const values = names('v', cfg.values);
    const quorums = majorityQuorums(acceptors);
    const ballots = Array.from({ length: cfg.ballots }, (_, b) => b);
    const proposers = ballots.map((b) => `p${b}`);
    const actors = [
        ...acceptors.map((id) => ({ id, role: 'acceptor', machine: cfg.machines?.acceptor ?? acceptorMachine, input: { self: id, learners: [] } })),
        ...ballots.map((b) => ({
            id: proposers[b], role: 'proposer', machine: cfg.machines?.proposer ?? proposerMachine,
            input: { self: proposers[b], ballots: [b], acceptors, quorums, value: null },
            // Paxos.tla's proposers read promises from the message set instead of receiving them.
            receives: [],
        })),
    ];
    const acceptorIndex = acceptors.map((_, i) => i);
    /** Phase1a, and Phase2a for every quorum and value: the guard decides which are allowed. */
    function offers(ctx) {
        if (actors[ctx.actor].role !== 'proposer')
            return;
        const state = ctx.snapshot.value;
        if (state === 'idle')
            return ctx.offer('start', () => ({ type: 'start' }));
        if (state !== 'preparing')
            return;
        const ballot = ctx.snapshot.context.ballots[0];
        const promiseOf = acceptorIndex.map((a) => {
            const [found] = ctx.present(a, 'promise', { ballot });
            return found ? { entry: found.entry, promise: found.envelope.msg } : null;
        });
        quorums.forEach((quorum, q) => {
            const members = quorum.map((id) => acceptors.indexOf(id));
            const key = members.map((a) => promiseOf[a]?.entry ?? -1).join(',');
            for (const value of values) {
                ctx.offer(`propose|${q}|${value}|${key}`, () => {
                    const promises = {};
                    for (const a of members) {
                        const p = promiseOf[a];
                        if (p)
                            promises[acceptors[a]] = { acceptedBallot: p.promise.acceptedBallot, acceptedValue: p.promise.acceptedValue };
                    }
                    return { type: 'propose', ballot, value, quorum, promises };
                });
            }
        });
    }
    return {
        name: `paxos-tla(acceptors=${cfg.acceptors}, values=${cfg.values}, ballots=${cfg.ballots})`,
        actors,
        network: { kind: 'set' },
        faults: { crashes: 0, restarts: 0, partitions: 0 },
        offers,
        properties: paxosProperties({ quorums, values, messagesPersist: true }),
        // As TLC's Permutations(Acceptor) \cup Permutations(Value): acceptors and values are interchangeable.
        symmetry: [acceptors, values],
        traceHeader: () => header({ acceptors, proposers, learners: [], values, quorums, ballots }),
    };
}
export function paxosMessageSystem(cfg) {
    const acceptors = names('a', cfg.acceptors);
    const proposers = names('p', cfg.proposers);
    const learners = names('l', cfg.learners);
    const values = proposers.map((_, i) => `v${i + 1}`);
    const quorums = majorityQuorums(acceptors);
    const ballotsOf = (p) => Array.from({ length: cfg.rounds }, (_, r) => p + r * cfg.proposers);
    const actors = [
        ...proposers.map((id, p) => ({
            id, role: 'proposer', machine: cfg.machines?.proposer ?? proposerMachine,
            input: { self: id, ballots: ballotsOf(p), acceptors, quorums, value: values[p] },
            receives: ['promise'],
        })),
        ...acceptors.map((id) => ({ id, role: 'acceptor', machine: cfg.machines?.acceptor ?? acceptorMachine, input: { self: id, learners, recordVotes: true } })),
        ...learners.map((id) => ({ id, role: 'learner', machine: cfg.machines?.learner ?? learnerMachine, input: { self: id, quorums } })),
    ];
    return {
        name: `paxos(acceptors=${cfg.acceptors}, proposers=${cfg.proposers}, learners=${cfg.learners}, rounds=${cfg.rounds})`,
        actors,
        network: { kind: 'multiset', ...cfg.network },
        faults: cfg.faults,
        // A proposer may (re)start a ballot at any time: it models timeouts and retries.
        offers: (ctx) => {
            if (actors[ctx.actor].role === 'proposer')
                ctx.offer('start', () => ({ type: 'start' }));
        },
        properties: paxosProperties({ quorums, values, messagesPersist: false }),
        traceHeader: () => header({
            acceptors, proposers, learners, values, quorums,
            ballots: proposers.flatMap((_, p) => ballotsOf(p)).sort((a, b) => a - b),
        }),
    };
}
function header(config) {
    return traceHeader('paxos', config, { name: 'coordkit explore' });
}
