/**
 * Paxos proposer: on `start` it moves to its next ballot and sends prepare; once a quorum
 * of acceptors promised that ballot it sends accept with the value of the highest-ballot
 * proposal they reported, or its own value when none reported one.
 */
import { isQuorum, send } from './types.js';
export function highestAccepted(promises) {
    let best = null;
    for (const p of promises) {
        if (p.acceptedBallot !== null && (best === null || p.acceptedBallot > best.acceptedBallot))
            best = p;
    }
    return best ? best.acceptedValue : null;
}
export const correctProposerRules = {
    choose: (promises, own) => highestAccepted(promises.values()) ?? own,
    enough: (promisers, config) => isQuorum(promisers, config.quorums),
    counts: (msgBallot, ballot, already) => msgBallot === ballot && !already,
};
export class Proposer {
    config;
    rules;
    role = 'proposer';
    id;
    round = -1;
    phase = 'idle';
    promises = new Map();
    proposed = null;
    constructor(config, rules = correctProposerRules) {
        this.config = config;
        this.rules = rules;
        this.id = config.self;
    }
    get ballot() { return this.config.ballots[this.round]; }
    handle(input) {
        if (input.kind === 'event')
            return input.event.type === 'start' ? this.start() : [];
        const { from, msg } = input;
        if (msg.type !== 'promise' || this.phase !== 'preparing')
            return [];
        if (!this.rules.counts(msg.ballot, this.ballot, this.promises.has(from)))
            return [];
        this.promises.set(from, { acceptedBallot: msg.acceptedBallot, acceptedValue: msg.acceptedValue === null ? null : String(msg.acceptedValue) });
        if (!this.rules.enough([...this.promises.keys()], this.config))
            return [];
        this.phase = 'accepting';
        this.proposed = this.rules.choose(this.promises, this.config.value);
        return [send(this.config.acceptors, { type: 'accept', ballot: this.ballot, value: this.proposed })];
    }
    /** Gives up the current ballot (a timeout) and prepares the next one, if it owns one. */
    start() {
        if (this.round + 1 >= this.config.ballots.length)
            return [];
        this.round++;
        this.phase = 'preparing';
        this.promises = new Map();
        this.proposed = null;
        return [send(this.config.acceptors, { type: 'prepare', ballot: this.ballot })];
    }
    observe() {
        return {
            phase: this.phase,
            ballot: this.round < 0 ? null : this.ballot,
            promised: [...this.promises.keys()].sort(),
            proposed: this.proposed,
        };
    }
    save() { return { round: this.round }; }
    /** After a crash it resumes idle, past every ballot it already used. */
    load(saved) {
        this.round = saved.round;
        this.phase = 'idle';
        this.promises = new Map();
        this.proposed = null;
    }
}
