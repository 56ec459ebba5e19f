/** What the Paxos checkers need to know from a header: roles, quorums, allowed values. */
import type { TraceHeader } from '../../schema/trace.ts';
export type PaxosHeader = Extract<TraceHeader, {
    protocol: 'paxos';
}>;
export type Value = string | number;
export interface PaxosSetup {
    acceptors: ReadonlySet<string>;
    proposers: ReadonlySet<string>;
    values: ReadonlySet<Value>;
    /** Does this set of acceptors contain a quorum? (Quorums are closed under supersets.) */
    containsQuorum(members: ReadonlySet<string>): boolean;
}
export declare function paxosSetup(h: PaxosHeader): PaxosSetup;
