/** Paxos learner: decides once a quorum of acceptors accepted one (ballot, value). */
import { isQuorum } from './types.js';
export const correctLearnerRules = {
    key: (ballot, value) => `${ballot}|${value}`,
    enough: (acceptors, quorums) => isQuorum(acceptors, quorums),
};
export class Learner {
    config;
    rules;
    role = 'learner';
    id;
    accepted = {};
    decided = null;
    constructor(config, rules = correctLearnerRules) {
        this.config = config;
        this.rules = rules;
        this.id = config.self;
    }
    handle(input) {
        if (input.kind !== 'receive' || input.msg.type !== 'accepted' || this.decided !== null)
            return [];
        const { from, msg } = input;
        const key = this.rules.key(msg.ballot, String(msg.value));
        const heard = this.accepted[key] ?? [];
        if (heard.includes(from))
            return [];
        this.accepted = { ...this.accepted, [key]: [...heard, from].sort() };
        const done = Object.entries(this.accepted).find(([, as]) => this.rules.enough(as, this.config.quorums));
        if (!done)
            return [];
        this.decided = done[0].slice(done[0].indexOf('|') + 1);
        return [{ type: 'decide', value: this.decided }];
    }
    observe() { return { accepted: { ...this.accepted }, decided: this.decided }; }
    save() { return { accepted: this.accepted, decided: this.decided }; }
    load(saved) {
        const s = saved;
        this.accepted = { ...s.accepted };
        this.decided = s.decided;
    }
}
