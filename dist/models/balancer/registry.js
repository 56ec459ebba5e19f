import { consistentHashMachine } from './consistent-hash.js';
import { hashMachine } from './hash.js';
import { leastConnectionsMachine } from './least-connections.js';
import { powerOfTwoMachine } from './power-of-two.js';
import { randomMachine } from './random.js';
import { roundRobinMachine } from './round-robin.js';
import { weightedRoundRobinMachine } from './weighted-round-robin.js';
export const balancerMachines = [
    { name: 'balancer-round-robin', family: 'balancer', description: 'round robin in a fixed cyclic order', machine: roundRobinMachine },
    { name: 'balancer-random', family: 'balancer', description: 'weighted random from a seeded PRNG', machine: randomMachine },
    { name: 'balancer-least-connections', family: 'balancer', description: 'fewest in-flight requests', machine: leastConnectionsMachine },
    { name: 'balancer-hash', family: 'balancer', description: 'hash of the key modulo N', machine: hashMachine },
    { name: 'balancer-weighted-round-robin', family: 'balancer', description: 'smooth weighted round robin (nginx)', machine: weightedRoundRobinMachine },
    { name: 'balancer-power-of-two', family: 'balancer', description: 'power of two choices', machine: powerOfTwoMachine },
    { name: 'balancer-consistent-hash', family: 'balancer', description: 'consistent hashing with virtual nodes', machine: consistentHashMachine },
];
/** The specification of each policy, by the policy name used in trace headers. */
export const machineByPolicy = {
    'round-robin': roundRobinMachine,
    random: randomMachine,
    'least-connections': leastConnectionsMachine,
    hash: hashMachine,
    'weighted-round-robin': weightedRoundRobinMachine,
    'power-of-two': powerOfTwoMachine,
    'consistent-hash': consistentHashMachine,
};
