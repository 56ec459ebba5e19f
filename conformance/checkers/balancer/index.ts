/**
 * The balancer fairness checkers, chosen by the policy the trace header claims.
 * `coordkit verify` dispatches protocol 'balancer' traces here.
 */
import type { BalancerHeader } from './base.ts';
import type { Checker, CheckerFactory } from '../types.ts';
import { AggregateChecker } from './aggregate.ts';
import { balancerProperties } from './properties.ts';
import { HashChecker } from './hash.ts';
import { LeastConnectionsChecker } from './least-connections.ts';
import { PowerOfTwoChecker } from './power-of-two.ts';
import { RandomChecker } from './random.ts';
import { RoundRobinChecker } from './round-robin.ts';
import { PickValidityChecker } from './validity.ts';
import { WeightedRoundRobinChecker } from './weighted-round-robin.ts';

type Policy = BalancerHeader['config']['policy'];

const byPolicy: Record<Policy, (h: BalancerHeader) => Checker[]> = {
  'round-robin': (h) => [new RoundRobinChecker(h)],
  'weighted-round-robin': (h) => [new WeightedRoundRobinChecker(h)],
  random: (h) => [new RandomChecker(h)],
  'least-connections': (h) => [new LeastConnectionsChecker(h)],
  'power-of-two': (h) => [new PowerOfTwoChecker(h)],
  hash: (h) => [new HashChecker(h, false)],
  'consistent-hash': (h) => [new HashChecker(h, true)],
};

export const balancerCheckers: CheckerFactory<'balancer'> = (h) =>
  [new PickValidityChecker(h), ...byPolicy[h.config.policy](h), new AggregateChecker(h)];

/** The property names judged for each policy, in verdict order (for tables and docs). */
export function propertiesOf(policy: Policy): string[] {
  return balancerProperties(policy).map((p) => p.name);
}

export { balancerProperties, multipleTesting, significanceOf, sidak, DEFAULT_ALPHA, type BalancerProperty, type Significance } from './properties.ts';
export { POWER } from './random.ts';
export { MIN_JAIN } from './aggregate.ts';
