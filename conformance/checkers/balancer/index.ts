/**
 * The balancer fairness checkers, chosen by the policy the trace header claims.
 * `coordkit verify` dispatches protocol 'balancer' traces here.
 */
import type { TraceHeader } from '../../schema/trace.ts';
import type { Checker, CheckerFactory } from '../types.ts';
import { AggregateChecker } from './aggregate.ts';
import { HashChecker } from './hash.ts';
import { LeastConnectionsChecker } from './least-connections.ts';
import { PowerOfTwoChecker } from './power-of-two.ts';
import { RandomChecker } from './random.ts';
import { RoundRobinChecker } from './round-robin.ts';
import { PickValidityChecker } from './validity.ts';
import { WeightedRoundRobinChecker } from './weighted-round-robin.ts';

type Policy = Extract<TraceHeader, { protocol: 'balancer' }>['config']['policy'];

const byPolicy: Record<Policy, () => Checker[]> = {
  'round-robin': () => [new RoundRobinChecker()],
  'weighted-round-robin': () => [new WeightedRoundRobinChecker()],
  random: () => [new RandomChecker()],
  'least-connections': () => [new LeastConnectionsChecker()],
  'power-of-two': () => [new PowerOfTwoChecker()],
  hash: () => [new HashChecker(false)],
  'consistent-hash': () => [new HashChecker(true)],
};

export const balancerCheckers: CheckerFactory = (header) => {
  if (header.protocol !== 'balancer') return [];
  return [new PickValidityChecker(), ...byPolicy[header.config.policy](), new AggregateChecker()];
};

/** The properties judged for each policy, in verdict order (for tables and docs). */
export function propertiesOf(policy: Policy): string[] {
  const header = {
    type: 'header', format: 'coordkit-trace', version: 1, protocol: 'balancer', producer: { name: 'coordkit' },
    config: { policy, backends: [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }] },
  } as const satisfies TraceHeader;
  const checkers = balancerCheckers(header);
  for (const c of checkers) c.begin(header);
  return checkers.flatMap((c) => c.end().map((v) => v.property));
}

export { ALPHA, POWER } from './random.ts';
export { MIN_JAIN } from './aggregate.ts';
