/** Builds cluster handler nodes from node specs (the model's actor inputs, plus clients). */
import { type ClientConfig } from './client.ts';
import { type ClockConfig } from './clock.ts';
import { type ServerRules } from './server.ts';
import type { ClusterNode, ServerConfig } from './types.ts';
export type ClusterNodeSpec = {
    id: string;
    role: 'server';
    input: ServerConfig;
} | {
    id: string;
    role: 'environment';
    input: ClockConfig;
} | {
    id: string;
    role: 'client';
    input: ClientConfig;
};
/** A variant replaces some of the server's rules (mutants). */
export interface ClusterVariant {
    server?: Partial<ServerRules>;
}
export declare function createClusterNode(spec: ClusterNodeSpec, variant?: ClusterVariant): ClusterNode;
/** Checks an untrusted node spec (from JSON) and returns a message naming the bad field, or null. */
export declare function invalidClusterSpec(spec: unknown): string | null;
