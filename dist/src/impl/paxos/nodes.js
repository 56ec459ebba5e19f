/** Builds a Paxos cluster of handler nodes from node specs (the model's actor inputs). */
import { Acceptor, correctAcceptorRules } from './acceptor.js';
import { Learner, correctLearnerRules } from './learner.js';
import { Proposer, correctProposerRules } from './proposer.js';
export function createPaxosNode(spec, variant = {}) {
    const custom = variant.node?.(spec);
    if (custom)
        return custom;
    switch (spec.role) {
        case 'acceptor': return new Acceptor(spec.input, { ...correctAcceptorRules, ...variant.acceptor });
        case 'proposer': return new Proposer(spec.input, { ...correctProposerRules, ...variant.proposer });
        case 'learner': return new Learner(spec.input, { ...correctLearnerRules, ...variant.learner });
    }
}
const ROLES = new Set(['acceptor', 'proposer', 'learner']);
/** Checks an untrusted node spec (from JSON) and returns a message naming the bad field, or null. */
export function invalidPaxosSpec(spec) {
    if (typeof spec !== 'object' || spec === null)
        return 'node spec must be an object';
    const s = spec;
    if (typeof s.id !== 'string' || s.id === '')
        return 'id must be a non-empty string';
    if (typeof s.role !== 'string' || !ROLES.has(s.role))
        return `role must be one of ${[...ROLES].join(', ')}`;
    if (typeof s.input !== 'object' || s.input === null)
        return 'input must be an object';
    return null;
}
