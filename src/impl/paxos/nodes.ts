/** Builds a Paxos cluster of handler nodes from node specs (the model's actor inputs). */
import { Acceptor, correctAcceptorRules, type AcceptorRules } from './acceptor.ts';
import { Learner, correctLearnerRules, type LearnerRules } from './learner.ts';
import { Proposer, correctProposerRules, type ProposerRules } from './proposer.ts';
import type { PaxosNode, PaxosNodeSpec } from './types.ts';

/** Role rules; a variant replaces some of them (mutants), or replaces whole nodes. */
export interface PaxosVariant {
  acceptor?: Partial<AcceptorRules>;
  proposer?: Partial<ProposerRules>;
  learner?: Partial<LearnerRules>;
  /** Builds a node itself instead (for foreign implementations, e.g. the article's). */
  node?(spec: PaxosNodeSpec): PaxosNode | undefined;
}

export function createPaxosNode(spec: PaxosNodeSpec, variant: PaxosVariant = {}): PaxosNode {
  const custom = variant.node?.(spec);
  if (custom) return custom;
  switch (spec.role) {
    case 'acceptor': return new Acceptor(spec.input, { ...correctAcceptorRules, ...variant.acceptor });
    case 'proposer': return new Proposer(spec.input, { ...correctProposerRules, ...variant.proposer });
    case 'learner': return new Learner(spec.input, { ...correctLearnerRules, ...variant.learner });
  }
}

const ROLES = new Set(['acceptor', 'proposer', 'learner']);

/** Checks an untrusted node spec (from JSON) and returns a message naming the bad field, or null. */
export function invalidPaxosSpec(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return 'node spec must be an object';
  const s = spec as Record<string, unknown>;
  if (typeof s.id !== 'string' || s.id === '') return 'id must be a non-empty string';
  if (typeof s.role !== 'string' || !ROLES.has(s.role)) return `role must be one of ${[...ROLES].join(', ')}`;
  if (typeof s.input !== 'object' || s.input === null) return 'input must be an object';
  return null;
}
