import type { PaxosVariant } from './nodes.ts';
export interface PaxosMutant {
    name: string;
    description: string;
    variant: PaxosVariant;
}
export declare const paxosMutants: PaxosMutant[];
