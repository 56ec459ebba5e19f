/**
 * Which checkers judge which protocol: one factory per protocol family, from the header.
 * The families table (src/families.ts) names the same factories; this lookup stays here,
 * below the CLI, because the driver, the adapters and the public API judge traces too
 * (src/families.test.ts pins that the two agree).
 */
import type { TraceEvent, TraceHeader } from '../schema/trace.ts';
import { balancerCheckers } from './balancer/index.ts';
import { clusterCheckers } from './cluster/index.ts';
import { ballotMapper } from './paxos/ballot-order.ts';
import { paxosCheckers } from './paxos/index.ts';
import type { Checker } from './types.ts';

/** Fresh checkers for one trace, built from its header. */
export function checkersFor(header: TraceHeader): Checker[] {
  switch (header.protocol) {
    case 'paxos': return paxosCheckers(header);
    case 'cluster': return clusterCheckers(header);
    case 'balancer': return balancerCheckers(header);
    // A user's system is judged by replaying it: the caller loads the system and hands
    // its checkers to verifyItems (run.ts), which refuses a custom trace without them.
    case 'custom': return [];
  }
}

/**
 * What every event goes through once before the checkers see it, or null: Paxos ballots
 * written as (number, id) pairs become the models' integers (paxos/ballot-order.ts).
 * Throws a UserError (naming `file`, the line and the field) on a ballot of the wrong form.
 */
export function eventMapFor(header: TraceHeader, file: string): ((e: TraceEvent, line: number) => TraceEvent) | null {
  return header.protocol === 'paxos' ? ballotMapper(header, file) : null;
}
