/** Builds a Paxos cluster of handler nodes from node specs (the model's actor inputs). */
import { type AcceptorRules } from './acceptor.ts';
import { type LearnerRules } from './learner.ts';
import { type ProposerRules } from './proposer.ts';
import type { PaxosNode, PaxosNodeSpec } from './types.ts';
/** Role rules; a variant replaces some of them (mutants), or replaces whole nodes. */
export interface PaxosVariant {
    acceptor?: Partial<AcceptorRules>;
    proposer?: Partial<ProposerRules>;
    learner?: Partial<LearnerRules>;
    /** Builds a node itself instead (for foreign implementations, e.g. the article's). */
    node?(spec: PaxosNodeSpec): PaxosNode | undefined;
}
export declare function createPaxosNode(spec: PaxosNodeSpec, variant?: PaxosVariant): PaxosNode;
/** Checks an untrusted node spec (from JSON) and returns a message naming the bad field, or null. */
export declare function invalidPaxosSpec(spec: unknown): string | null;
