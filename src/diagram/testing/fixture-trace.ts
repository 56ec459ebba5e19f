/** A small Paxos trace header and its first two messages, for sequence-diagram tests. */
import { traceHeader } from '../../../conformance/schema/header.ts';
import type { TraceHeader } from '../../../conformance/schema/trace.ts';

export const paxosHeader: TraceHeader = traceHeader(
  'paxos',
  { proposers: ['p1'], acceptors: ['a1', 'a2'], learners: [], values: ['v1'] },
  { name: 'test' },
);
export const prepare = { type: 'prepare' as const, ballot: 1 };
export const promise = { type: 'promise' as const, ballot: 1, acceptedBallot: null, acceptedValue: null };
