/**
 * The source article's Paxos (translated in src/impl/paxos-article/) behind this
 * package's handler interface, so the driver can run it like any other variant. Its
 * proposers number ballots by a clock; here the clock is the count of inputs the node
 * handled, since the driver's time is logical. It exposes no abstract state (its fields
 * are not the model's), so only its outputs are compared.
 */
import { ArticleAcceptor, ArticleProposer } from '../paxos-article/article.js';
import { Learner as ArticleLearner } from '../paxos-article/roles.js';
class Wrapped {
    id;
    role;
    inner;
    clock = 0;
    constructor(id, role, inner) {
        this.id = id;
        this.role = role;
        this.inner = inner;
    }
    handle(input) {
        this.clock++;
        const effects = input.kind === 'receive'
            ? this.inner.receive(input.from, input.msg, this.clock)
            : input.event.type === 'start' && this.inner.start ? this.inner.start(this.clock) : [];
        return effects.map((e) => ('decide' in e ? { type: 'decide', value: e.decide } : { type: 'send', to: e.send.to, msg: e.send.msg }));
    }
    observe() { return undefined; }
    save() { return null; }
    load() { }
}
export function articleNode(spec) {
    switch (spec.role) {
        case 'proposer':
            return new Wrapped(spec.id, spec.role, new ArticleProposer(spec.id, spec.input.value, spec.input.acceptors, 0));
        case 'acceptor':
            return new Wrapped(spec.id, spec.role, new ArticleAcceptor(spec.id, spec.input.learners));
        case 'learner': {
            const quorumSize = Math.min(...spec.input.quorums.map((q) => q.length));
            return new Wrapped(spec.id, spec.role, new ArticleLearner(spec.id, quorumSize));
        }
    }
}
