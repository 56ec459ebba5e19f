/** fast-check generators of well-formed traces, for property tests of the reader and tools. */
import fc from 'fast-check';
import type { TraceEvent, TraceHeader } from './trace.ts';
import { traceHeader } from './header.ts';

/** What survives a JSON round trip (-0 becomes 0), since a trace is JSON text. */
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const NODES = ['p1', 'p2', 'a1', 'a2', 'a3', 'l1'];
const node = fc.constantFrom(...NODES);
const ballot = fc.integer({ min: 0, max: 20 });
const value = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 5 }));

export const paxosHeader: TraceHeader = traceHeader('paxos',
  { acceptors: ['a1', 'a2', 'a3'], proposers: ['p1', 'p2'], learners: ['l1'], values: ['x', 'y', 'z'] },
  { name: 'fast-check' });

const message = fc.oneof(
  fc.record({ type: fc.constant('prepare' as const), ballot }),
  fc.record({ type: fc.constant('promise' as const), ballot, acceptedBallot: fc.option(ballot, { nil: null }), acceptedValue: fc.option(value, { nil: null }) }),
  fc.record({ type: fc.constant('accept' as const), ballot, value }),
  fc.record({ type: fc.constant('accepted' as const), ballot, value }),
);

/** An event body (no seq/ts): every kind the Paxos header's nodes can produce (no cluster
 * events or messages: those do not belong to a Paxos trace, see protocol-kinds.ts). */
const body = fc.oneof(
  fc.record({ node, kind: fc.constant('send'), to: fc.oneof(node, fc.array(node, { minLength: 1, maxLength: 3 })), msg: message }),
  fc.record({ node, kind: fc.constant('receive'), from: node, msg: message }),
  fc.record({ node, kind: fc.constant('propose'), value }),
  fc.record({ node, kind: fc.constant('decide'), value }),
  fc.record({ node, kind: fc.constant('tick'), tick: fc.nat(1000) }),
  fc.record({ node, kind: fc.constantFrom('crash', 'restart', 'pause', 'resume', 'heal') }),
  fc.record({ node, kind: fc.constant('state'), state: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })).map(asJson) }),
);

/** A valid trace: header plus events with strictly increasing seq and non-decreasing ts. */
export const validTrace = fc
  .array(fc.tuple(body, fc.integer({ min: 1, max: 3 }), fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 25 })
  .map((parts) => {
    let seq = 0;
    let ts = 0;
    const events = parts.map(([b, dSeq, dTs, withTs]) => {
      seq += dSeq;
      ts += dTs;
      return { seq, ...(withTs ? { ts } : {}), ...b } as TraceEvent;
    });
    return { header: paxosHeader, events };
  });

export { traceToJsonl as toText } from './writer.ts';
