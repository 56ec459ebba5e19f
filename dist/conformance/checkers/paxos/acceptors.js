import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { paxosSetup } from './setup.js';
export class AcceptorChecker {
    name = 'paxos.acceptor';
    window = new EventWindow();
    promises = new ViolationLog(this.window);
    accepts = new ViolationLog(this.window);
    acceptors = new Set();
    /** Highest ballot each acceptor promised or accepted (its maxBal). */
    maxBal = new Map();
    constructor(h) { this.acceptors = paxosSetup(h).acceptors; }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind !== 'send' || !this.acceptors.has(e.node))
            return;
        const msg = e.msg;
        if (msg.type === 'promise') {
            const prior = this.maxBal.get(e.node);
            if (prior !== undefined && msg.ballot <= prior) {
                this.promises.report(line, `${e.node} promised ballot ${msg.ballot} after already promising or accepting ballot ${prior}`);
            }
            this.maxBal.set(e.node, Math.max(prior ?? -Infinity, msg.ballot));
        }
        else if (msg.type === 'accepted') {
            const prior = this.maxBal.get(e.node);
            if (prior !== undefined && msg.ballot < prior) {
                this.accepts.report(line, `${e.node} accepted ballot ${msg.ballot} below its promise ${prior}`);
            }
            this.maxBal.set(e.node, Math.max(prior ?? -Infinity, msg.ballot));
        }
    }
    end() {
        return [
            verdictOf('paxos.promise-monotonic', this.promises),
            verdictOf('paxos.accept-respects-promise', this.accepts),
        ];
    }
}
