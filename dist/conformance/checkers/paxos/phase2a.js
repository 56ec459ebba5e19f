import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { paxosSetup } from './setup.js';
/**
 * Is `value` a legal 2a value given these promises? Quorums are closed under supersets,
 * so it is enough to ask, for each candidate highest ballot c, whether the promises that
 * do not outrank (c, value) contain a quorum and include one that accepted (c, value).
 */
export function justifiedValue(promises, value, freeValues, setup) {
    const empty = new Set();
    for (const [a, p] of promises)
        if (p.acceptedBallot === null)
            empty.add(a);
    if (freeValues.has(value) && setup.containsQuorum(empty))
        return true;
    for (const [, p] of promises) {
        if (p.acceptedBallot === null || p.acceptedValue !== value)
            continue;
        const c = p.acceptedBallot;
        const compatible = new Set();
        for (const [a, q] of promises) {
            if (q.acceptedBallot === null || q.acceptedBallot < c || (q.acceptedBallot === c && q.acceptedValue === value))
                compatible.add(a);
        }
        if (setup.containsQuorum(compatible))
            return true;
    }
    return false;
}
export class Phase2aChecker {
    name = 'paxos.phase2a';
    window = new EventWindow();
    quorumLog = new ViolationLog(this.window);
    valueLog = new ViolationLog(this.window);
    setup;
    free = new Set();
    /** proposer -> ballot -> acceptor -> what it reported. */
    received = new Map();
    /** ballot -> acceptor -> what it reported: Paxos.tla's 1b messages, which have no addressee. */
    sent = new Map();
    /** Proposers that logged a receive: they are judged on what they received. */
    receiving = new Set();
    /** Accepts of proposers not (yet) known to receive, judged on the promises sent so far. */
    setReads = new Map();
    /** "proposer ballot" -> value of its first accept: a broadcast logged per recipient counts once. */
    judged = new Map();
    accepts = 0;
    constructor(h) {
        this.setup = paxosSetup(h);
        for (const v of this.setup.values)
            this.free.add(v);
    }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind === 'propose')
            this.free.add(e.value);
        else if (e.kind === 'receive') {
            this.noteReceiving(e.node, line);
            if (e.msg.type === 'promise' && this.setup.acceptors.has(e.from)) {
                let byBallot = this.received.get(e.node);
                if (!byBallot)
                    this.received.set(e.node, (byBallot = new Map()));
                record(byBallot, e.msg.ballot, e.from, e.msg);
            }
        }
        else if (e.kind === 'send' && e.msg.type === 'promise' && this.setup.acceptors.has(e.node)) {
            record(this.sent, e.msg.ballot, e.node, e.msg);
        }
        else if (e.kind === 'send' && e.msg.type === 'accept') {
            const key = `${e.node} ${e.msg.ballot}`;
            const before = this.judged.get(key);
            if (before === undefined) {
                this.judged.set(key, e.msg.value);
                this.accepts++;
                this.judge(e.node, e.msg.ballot, e.msg.value, line);
            }
            else if (before !== e.msg.value) {
                this.valueLog.report(line, `${e.node} sent accept(${e.msg.ballot}, ${JSON.stringify(e.msg.value)}) after accept(${e.msg.ballot}, ${JSON.stringify(before)}): one ballot, two values`);
            }
        }
    }
    /**
     * A proposer that logs no receive reads promises from the message set (Paxos.tla's
     * Phase2a, and the explorer's Paxos.tla system). Once it is seen receiving, every accept
     * it sent while unseen was sent before it had received a single promise.
     */
    noteReceiving(proposer, line) {
        if (this.receiving.has(proposer))
            return;
        this.receiving.add(proposer);
        // Reported at the accept's line; the window shows the receive that revealed it.
        for (const r of this.setReads.get(proposer) ?? []) {
            this.quorumLog.report(r.line, `${proposer} sent accept for ballot ${r.ballot} before receiving any promise (it receives messages: line ${line})`);
        }
        this.setReads.delete(proposer);
    }
    judge(proposer, ballot, value, line) {
        const readsSet = !this.receiving.has(proposer);
        const promises = (readsSet ? this.sent.get(ballot) : this.received.get(proposer)?.get(ballot)) ?? new Map();
        const from = new Set(promises.keys());
        if (!this.setup.containsQuorum(from)) {
            const how = readsSet ? 'sent' : 'received';
            const got = from.size === 0 ? `no promise ${how} for it` : `promises ${how} from ${[...from].join(', ')} only, not a quorum`;
            this.quorumLog.report(line, `${proposer} sent accept for ballot ${ballot} with ${got}`);
            return;
        }
        if (!justifiedValue(promises, value, this.free, this.setup)) {
            this.valueLog.report(line, `${proposer} sent accept(${ballot}, ${JSON.stringify(value)}) but its promises require ${describeRequired(promises)}`);
            return;
        }
        if (readsSet) {
            let reads = this.setReads.get(proposer);
            if (!reads)
                this.setReads.set(proposer, (reads = []));
            reads.push({ line, ballot });
        }
    }
    end() {
        return [
            verdictOf('paxos.accept-after-quorum', this.quorumLog, { accepts: this.accepts }),
            verdictOf('paxos.accept-value', this.valueLog),
        ];
    }
}
function record(byBallot, ballot, acceptor, p) {
    let promises = byBallot.get(ballot);
    if (!promises)
        byBallot.set(ballot, (promises = new Map()));
    promises.set(acceptor, { acceptedBallot: p.acceptedBallot, acceptedValue: p.acceptedValue });
}
function describeRequired(promises) {
    let best;
    for (const p of promises.values()) {
        if (p.acceptedBallot !== null && (best === undefined || p.acceptedBallot > best.acceptedBallot))
            best = p;
    }
    return best ? `${JSON.stringify(best.acceptedValue)} (accepted at ballot ${best.acceptedBallot})` : 'one of the proposable values';
}
