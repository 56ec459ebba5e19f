import type { RegisteredMachine } from '../registered-machine.ts';
export declare const clusterMachines: RegisteredMachine[];
