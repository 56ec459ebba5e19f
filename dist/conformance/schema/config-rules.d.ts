/**
 * Consistency rules of a header's configuration that a field-by-field schema cannot say:
 * ids declared once, quorums that exist and are made of declared acceptors. A header that
 * breaks one is malformed input (the reader names line 1 and the field), not a trace
 * whose properties fail: with `quorums: []` no value can ever be chosen, and a checker
 * would report that as a protocol violation of the implementation under test.
 *
 * Used as zod refinements by the config schemas in trace.ts, so every parse of a header
 * (reader, ITF import, tests) applies them. Types are structural to keep trace.ts the
 * only owner of the schemas.
 */
/** The part of zod's refinement context these rules use. */
export interface RuleContext {
    addIssue(issue: {
        code: 'custom';
        message: string;
        path: (string | number)[];
    }): void;
}
export declare function paxosConfigRules(c: {
    acceptors: string[];
    proposers: string[];
    learners?: string[];
    quorums?: string[][];
}, ctx: RuleContext): void;
export declare function clusterConfigRules(c: {
    servers: string[];
    clients?: string[];
}, ctx: RuleContext): void;
/** A backend list (the header's or a membership event's), refined as an array: each id once. */
export declare function backendListRules(backends: readonly {
    id: string;
}[], ctx: RuleContext): void;
