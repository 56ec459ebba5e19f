import { paxosMachines } from './paxos/registry.js';
import { balancerMachines } from './balancer/registry.js';
import { clusterMachines } from './cluster/registry.js';
export const machines = [
    ...paxosMachines,
    ...balancerMachines,
    ...clusterMachines,
];
export function findMachine(name) {
    return machines.find((m) => m.name === name);
}
