import { send } from './roles.js';
/** Clock resolution of the proposers' timestamps, in simulated ms. */
export const CLOCK_RESOLUTION = 4;
export class ArticleProposer {
    id;
    value;
    acceptors;
    skew;
    number = -1;
    sentAccept = false;
    constructor(id, value, acceptors, 
    /** How far this proposer's clock is off (negative: stale). */
    skew) {
        this.id = id;
        this.value = value;
        this.acceptors = acceptors;
        this.skew = skew;
    }
    start(now) {
        this.number = Math.max(0, Math.floor((now + this.skew) / CLOCK_RESOLUTION));
        this.sentAccept = false;
        return [send(this.acceptors, { type: 'prepare', ballot: this.number })];
    }
    receive(_from, msg) {
        if (msg.type !== 'promise' || msg.ballot !== this.number || this.sentAccept)
            return [];
        // Bug 1: the first response is taken as the quorum.
        this.sentAccept = true;
        const value = msg.acceptedValue === null ? this.value : String(msg.acceptedValue);
        return [send(this.acceptors, { type: 'accept', ballot: this.number, value })];
    }
}
export class ArticleAcceptor {
    id;
    learners;
    /** The article's last_zxid: the last proposal number this acceptor saw in a prepare. */
    lastZxid = -1;
    acceptedBallot = null;
    acceptedValue = null;
    constructor(id, learners) {
        this.id = id;
        this.learners = learners;
    }
    receive(from, msg) {
        if (msg.type === 'prepare') {
            // Bug 2: timestamps compared with >=, so equal numbers from different proposers pass.
            if (msg.ballot < this.lastZxid)
                return [];
            this.lastZxid = msg.ballot;
            return [send([from], { type: 'promise', ballot: msg.ballot, acceptedBallot: this.acceptedBallot, acceptedValue: this.acceptedValue })];
        }
        if (msg.type === 'accept') {
            // Bug 3: accept only when the number equals the last one seen.
            if (msg.ballot !== this.lastZxid)
                return [];
            this.acceptedBallot = msg.ballot;
            this.acceptedValue = String(msg.value);
            return [send([from, ...this.learners], { type: 'accepted', ballot: msg.ballot, value: msg.value })];
        }
        return [];
    }
}
