/**
 * Refinement of Paxos traces against the XState models in models/paxos: every acceptor,
 * proposer and learner must behave as its machine allows (see ../refinement.ts).
 * Conventions: a received message M from X is the event {type: M.type, from: X, ...M};
 * a proposer starting a round (its prepare) is the machine's `start` with that ballot
 * next in its list; a proposer's own value is unknown until it proposes or sends accept,
 * so one candidate per header value is kept. A proposer that logs no receive reads
 * promises from the message set, as in Paxos.tla (and the explorer's system of it): its
 * accept is the machine's `propose` with the promises some quorum sent for that ballot;
 * if it is later seen receiving, that accept had no promise behind it. Nodes keep their
 * state across crashes (Paxos assumes stable storage). Only the first violation is reported.
 */
import { initialTransition } from 'xstate';
import { acceptorMachine } from '../../../models/paxos/acceptor.js';
import { learnerMachine } from '../../../models/paxos/learner.js';
import { proposerMachine } from '../../../models/paxos/proposer.js';
import { majorityQuorums } from '../../../models/paxos/types.js';
import { NodeReplay } from '../refinement.js';
import { EventWindow, ViolationLog, verdictOf } from '../window.js';
const msgKey = (m) => {
    switch (m.type) {
        case 'prepare': return `prepare|${m.ballot}`;
        case 'promise': return `promise|${m.ballot}|${m.acceptedBallot}|${JSON.stringify(m.acceptedValue)}`;
        case 'accept': return `accept|${m.ballot}|${JSON.stringify(m.value)}`;
        case 'accepted': return `accepted|${m.ballot}|${JSON.stringify(m.value)}`;
    }
};
const isPaxos = (m) => m.type === 'prepare' || m.type === 'promise' || m.type === 'accept' || m.type === 'accepted';
function binding(accepts, machine, extra = {}) {
    return {
        machine,
        received: (e) => (isPaxos(e.msg) && accepts.includes(e.msg.type) ? { ...e.msg, from: e.from } : null),
        owes: (em) => {
            if (em.type === 'send')
                return { key: msgKey(em.msg), to: em.to };
            if (em.type === 'decide')
                return { key: `decide|${JSON.stringify(em.value)}`, to: [] };
            return null;
        },
        claims: (e) => {
            if (e.kind === 'send' && isPaxos(e.msg))
                return { key: msgKey(e.msg), to: [e.to].flat() };
            if (e.kind === 'decide')
                return { key: `decide|${JSON.stringify(e.value)}`, to: [] };
            return null;
        },
        ...extra,
    };
}
/** Paxos.tla's Phase2a: the machine's `propose` for each quorum that sent promises for the ballot. */
function proposeFromSet(c, e, sent, quorums) {
    if (e.kind !== 'send' || e.msg.type !== 'accept')
        return [];
    const { ballot, value } = e.msg;
    const promised = sent.get(ballot);
    if (!promised)
        return [];
    return quorums
        .filter((q) => q.every((a) => promised.has(a)))
        .map((quorum) => ({
        snap: c.snap,
        event: { type: 'propose', ballot, value, quorum, promises: Object.fromEntries(quorum.map((a) => [a, promised.get(a)])) },
    }));
}
/** A proposer's `start` for the ballot it was just seen preparing. */
function startRound(c, claim) {
    if (!claim.key.startsWith('prepare|'))
        return [];
    const ballot = Number(claim.key.slice('prepare|'.length));
    const snap = proposerMachine.resolveState({
        value: c.snap.value,
        context: { ...c.snap.context, ballots: [ballot], round: -1 },
    });
    return [{ snap, event: { type: 'start' } }];
}
export class PaxosRefinementChecker {
    name = 'paxos.refinement';
    window = new EventWindow();
    log = new ViolationLog(this.window, 1);
    replays = new Map();
    skipped;
    stopped = false;
    acceptors = new Set();
    proposers = new Set();
    /** ballot -> acceptor -> its promise: the message set a non-receiving proposer reads. */
    sentPromises = new Map();
    /** Proposers seen receiving. */
    receiving = new Set();
    /** Non-receiving proposers -> line of their first accept (explained by the message set). */
    setReaders = new Map();
    constructor(h) {
        const { config } = h;
        const quorums = config.quorums ?? majorityQuorums(config.acceptors);
        this.acceptors = new Set(config.acceptors);
        const roles = [...config.acceptors, ...config.proposers, ...config.learners];
        if (new Set(roles).size !== roles.length) {
            this.skipped = 'a node plays more than one role; the models describe one role per node';
            return;
        }
        for (const self of config.acceptors) {
            const [s] = initialTransition(acceptorMachine, { self, learners: config.learners });
            this.replays.set(self, new NodeReplay(binding(['prepare', 'accept'], acceptorMachine), [s]));
        }
        for (const self of config.learners) {
            const [s] = initialTransition(learnerMachine, { self, quorums });
            this.replays.set(self, new NodeReplay(binding(['accepted'], learnerMachine), [s]));
        }
        const proposerRole = binding(['promise'], proposerMachine, {
            spontaneous: (c, claim, e) => [
                ...startRound(c, claim),
                ...(this.receiving.has(e.node) ? [] : proposeFromSet(c, e, this.sentPromises, quorums)),
            ],
            narrow: (c, e) => (e.kind === 'propose' ? c.snap.context.value === e.value : undefined),
        });
        for (const self of config.proposers) {
            this.proposers.add(self);
            const starts = config.values.map((value) => initialTransition(proposerMachine, { self, ballots: [], acceptors: config.acceptors, quorums, value: value })[0]);
            this.replays.set(self, new NodeReplay(proposerRole, starts));
        }
    }
    event(e, line) {
        if (this.stopped || this.skipped)
            return;
        this.window.push(e, line);
        const replay = this.replays.get(e.node);
        if (!replay)
            return;
        const reason = replay.apply(e) ?? this.setRead(e, line);
        if (reason) {
            this.log.report(line, reason);
            this.stopped = true;
        }
    }
    /** Tracks the message set and which proposers read it; a reason if one turns out to receive. */
    setRead(e, line) {
        if (e.kind === 'send' && e.msg.type === 'promise' && this.acceptors.has(e.node)) {
            let byAcceptor = this.sentPromises.get(e.msg.ballot);
            if (!byAcceptor)
                this.sentPromises.set(e.msg.ballot, (byAcceptor = new Map()));
            byAcceptor.set(e.node, { acceptedBallot: e.msg.acceptedBallot, acceptedValue: e.msg.acceptedValue });
        }
        else if (e.kind === 'send' && e.msg.type === 'accept' && this.proposers.has(e.node) && !this.receiving.has(e.node)) {
            if (!this.setReaders.has(e.node))
                this.setReaders.set(e.node, line);
        }
        else if (e.kind === 'receive' && this.proposers.has(e.node) && !this.receiving.has(e.node)) {
            this.receiving.add(e.node);
            const first = this.setReaders.get(e.node);
            if (first !== undefined)
                return `${e.node} receives messages, yet sent accept at line ${first} without having received a promise`;
        }
        return undefined;
    }
    end() {
        if (this.skipped)
            return [{ property: this.name, status: 'skip', note: this.skipped, violations: [], figures: {} }];
        return [verdictOf(this.name, this.log)];
    }
}
