/** The seven balancer policies, by the policy name used in trace headers. */
import { ConsistentHash } from './consistent-hash.ts';
import { ModuloHash } from './hash.ts';
import { LeastConnections } from './least-connections.ts';
import { PowerOfTwoChoices } from './power-of-two.ts';
import { RandomBalancer } from './random.ts';
import { RoundRobin } from './round-robin.ts';
import type { BalancerFactory, Policy } from './types.ts';
import { SmoothWeightedRoundRobin } from './weighted-round-robin.ts';

export const policies: Record<Policy, BalancerFactory> = {
  'round-robin': (b) => new RoundRobin(b),
  'weighted-round-robin': (b) => new SmoothWeightedRoundRobin(b),
  random: (b, seed) => new RandomBalancer(b, seed),
  'least-connections': (b, seed) => new LeastConnections(b, seed),
  'power-of-two': (b, seed) => new PowerOfTwoChoices(b, seed),
  hash: (b, _seed, options) => new ModuloHash(b, options),
  'consistent-hash': (b, _seed, options) => new ConsistentHash(b, options),
};

export type { Backend, Balancer, BalancerFactory, BalancerOptions, Decision, Policy } from './types.ts';
