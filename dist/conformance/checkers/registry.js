import { balancerCheckers } from './balancer/index.js';
import { clusterCheckers } from './cluster/index.js';
import { paxosCheckers } from './paxos/index.js';
/** Fresh checkers for one trace, built from its header. */
export function checkersFor(header) {
    switch (header.protocol) {
        case 'paxos': return paxosCheckers(header);
        case 'cluster': return clusterCheckers(header);
        case 'balancer': return balancerCheckers(header);
    }
}
