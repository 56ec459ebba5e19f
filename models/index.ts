/**
 * Registry of the specification machines, by the name users type
 * (`coordkit diagram paxos-acceptor`). Each model family registers its machines
 * in models/<family>/registry.ts; this file only gathers them.
 */
import type { AnyStateMachine } from 'xstate';
import { paxosMachines } from './paxos/registry.ts';
import { balancerMachines } from './balancer/registry.ts';
import { clusterMachines } from './cluster/registry.ts';

export interface RegisteredMachine {
  /** CLI name, e.g. "paxos-acceptor". */
  name: string;
  family: 'paxos' | 'cluster' | 'balancer';
  description: string;
  machine: AnyStateMachine;
}

export const machines: RegisteredMachine[] = [
  ...paxosMachines,
  ...balancerMachines,
  ...clusterMachines,
];

export function findMachine(name: string): RegisteredMachine | undefined {
  return machines.find((m) => m.name === name);
}
