/** Paxos acceptor: promise above the highest ballot seen, accept at or above it. */
import { send } from './types.js';
export const correctAcceptorRules = {
    mayPromise: (ballot, maxBal) => ballot > maxBal,
    mayAccept: (ballot, maxBal) => ballot >= maxBal,
    report: (s) => ({ acceptedBallot: s.maxVBal < 0 ? null : s.maxVBal, acceptedValue: s.maxVal }),
};
export class Acceptor {
    config;
    rules;
    role = 'acceptor';
    id;
    state = { maxBal: -1, maxVBal: -1, maxVal: null };
    constructor(config, rules = correctAcceptorRules) {
        this.config = config;
        this.rules = rules;
        this.id = config.self;
    }
    handle(input) {
        if (input.kind !== 'receive')
            return [];
        const { from, msg } = input;
        if (msg.type === 'prepare' && this.rules.mayPromise(msg.ballot, this.state.maxBal)) {
            const out = send([from], { type: 'promise', ballot: msg.ballot, ...this.rules.report(this.state) });
            this.state = { ...this.state, maxBal: msg.ballot };
            return [out];
        }
        if (msg.type === 'accept' && this.rules.mayAccept(msg.ballot, this.state.maxBal)) {
            const value = String(msg.value);
            this.state = { maxBal: msg.ballot, maxVBal: msg.ballot, maxVal: value };
            return [send([from, ...this.config.learners], { type: 'accepted', ballot: msg.ballot, value })];
        }
        return [];
    }
    observe() { return { ...this.state }; }
    save() { return this.state; }
    load(saved) { this.state = { ...saved }; }
}
