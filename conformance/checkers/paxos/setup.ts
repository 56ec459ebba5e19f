/** What the Paxos checkers need to know from a header: roles, quorums, allowed values. */
import type { TraceHeader } from '../../schema/trace.ts';

export type PaxosHeader = Extract<TraceHeader, { protocol: 'paxos' }>;
export type Value = string | number;

export interface PaxosSetup {
  acceptors: ReadonlySet<string>;
  proposers: ReadonlySet<string>;
  values: ReadonlySet<Value>;
  /** Does this set of acceptors contain a quorum? (Quorums are closed under supersets.) */
  containsQuorum(members: ReadonlySet<string>): boolean;
}

export function paxosSetup(h: PaxosHeader): PaxosSetup {
  const acceptors = new Set(h.config.acceptors);
  const explicit = h.config.quorums;
  const majority = Math.floor(acceptors.size / 2) + 1;
  const containsQuorum = explicit
    ? (m: ReadonlySet<string>) => explicit.some((q) => q.every((a) => m.has(a)))
    : (m: ReadonlySet<string>) => {
        let n = 0;
        for (const a of m) if (acceptors.has(a)) n++;
        return n >= majority;
      };
  return { acceptors, proposers: new Set(h.config.proposers), values: new Set(h.config.values), containsQuorum };
}

