/**
 * The balancer fairness checkers, chosen by the policy the trace header claims.
 * `coordkit verify` dispatches protocol 'balancer' traces here.
 */
import { traceHeader } from '../../schema/header.js';
import { AggregateChecker } from './aggregate.js';
import { HashChecker } from './hash.js';
import { LeastConnectionsChecker } from './least-connections.js';
import { PowerOfTwoChecker } from './power-of-two.js';
import { RandomChecker } from './random.js';
import { RoundRobinChecker } from './round-robin.js';
import { PickValidityChecker } from './validity.js';
import { WeightedRoundRobinChecker } from './weighted-round-robin.js';
const byPolicy = {
    'round-robin': (h) => [new RoundRobinChecker(h)],
    'weighted-round-robin': (h) => [new WeightedRoundRobinChecker(h)],
    random: (h) => [new RandomChecker(h)],
    'least-connections': (h) => [new LeastConnectionsChecker(h)],
    'power-of-two': (h) => [new PowerOfTwoChecker(h)],
    hash: (h) => [new HashChecker(h, false)],
    'consistent-hash': (h) => [new HashChecker(h, true)],
};
export const balancerCheckers = (h) => [new PickValidityChecker(h), ...byPolicy[h.config.policy](h), new AggregateChecker(h)];
/** The properties judged for each policy, in verdict order (for tables and docs). */
export function propertiesOf(policy) {
    const header = traceHeader('balancer', { policy, backends: [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }] }, { name: 'coordkit' });
    const checkers = balancerCheckers(header);
    return checkers.flatMap((c) => c.end().map((v) => v.property));
}
export { ALPHA, POWER } from './random.js';
export { MIN_JAIN } from './aggregate.js';
