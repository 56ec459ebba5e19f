/**
 * Registry of the specification machines, by the name users type
 * (`coordkit diagram paxos-acceptor`). Each model family registers its machines
 * in models/<family>/registry.ts; this file only gathers them.
 */
import type { RegisteredMachine } from './registered-machine.ts';
export type { RegisteredMachine } from './registered-machine.ts';
export declare const machines: RegisteredMachine[];
export declare function findMachine(name: string): RegisteredMachine | undefined;
