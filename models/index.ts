/**
 * Registry of the specification machines, by the name users type
 * (`coordkit diagram paxos-acceptor`). Each model family registers its machines
 * in models/<family>/registry.ts; this file only gathers them.
 */
import type { RegisteredMachine } from './registered-machine.ts';
import { paxosMachines } from './paxos/registry.ts';
import { balancerMachines } from './balancer/registry.ts';
import { clusterMachines } from './cluster/registry.ts';

export type { RegisteredMachine } from './registered-machine.ts';

export const machines: RegisteredMachine[] = [
  ...paxosMachines,
  ...balancerMachines,
  ...clusterMachines,
];

export function findMachine(name: string): RegisteredMachine | undefined {
  return machines.find((m) => m.name === name);
}
