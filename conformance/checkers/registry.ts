/** Which checkers judge which protocol: one factory per protocol family, from the header. */
import type { TraceHeader } from '../schema/trace.ts';
import { balancerCheckers } from './balancer/index.ts';
import { clusterCheckers } from './cluster/index.ts';
import { paxosCheckers } from './paxos/index.ts';
import type { Checker } from './types.ts';

/** Fresh checkers for one trace, built from its header. */
export function checkersFor(header: TraceHeader): Checker[] {
  switch (header.protocol) {
    case 'paxos': return paxosCheckers(header);
    case 'cluster': return clusterCheckers(header);
    case 'balancer': return balancerCheckers(header);
  }
}
