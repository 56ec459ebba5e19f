/** The seven balancer policies, by the policy name used in trace headers. */
import { ConsistentHash } from './consistent-hash.js';
import { ModuloHash } from './hash.js';
import { LeastConnections } from './least-connections.js';
import { PowerOfTwoChoices } from './power-of-two.js';
import { RandomBalancer } from './random.js';
import { RoundRobin } from './round-robin.js';
import { SmoothWeightedRoundRobin } from './weighted-round-robin.js';
export const policies = {
    'round-robin': (b) => new RoundRobin(b),
    'weighted-round-robin': (b) => new SmoothWeightedRoundRobin(b),
    random: (b, seed) => new RandomBalancer(b, seed),
    'least-connections': (b) => new LeastConnections(b),
    'power-of-two': (b, seed) => new PowerOfTwoChoices(b, seed),
    hash: (b) => new ModuloHash(b),
    'consistent-hash': (b) => new ConsistentHash(b),
};
