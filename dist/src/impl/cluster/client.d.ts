/**
 * A client of the cluster, for real runs and simulations: it opens sessions on schedule,
 * heartbeats them to every server (the leader acts, the others remember), and then either
 * closes a session or falls silent (a client that died), which the leader must notice by
 * expiring the session after sessionTimeout.
 */
import { type ClusterNode, type Input, type Output, type ServerId, type Tick } from './types.ts';
export interface SessionPlan {
    session: string;
    ephemerals: string[];
    /** Tick at which the client opens it. */
    open: Tick;
    /** Tick from which the client sends nothing more for it (it died); absent: never. */
    silentAt?: Tick;
    /** Tick at which the client closes it; absent: never. */
    closeAt?: Tick;
}
export interface ClientConfig {
    self: string;
    servers: ServerId[];
    /** Ticks between heartbeats of an open session. */
    heartbeatTicks: number;
    sessions: SessionPlan[];
}
type Phase = 'planned' | 'open' | 'silent' | 'closed';
interface ClientState {
    phase: Record<string, Phase>;
    lastSent: Record<string, Tick>;
}
export declare class ClusterClient implements ClusterNode {
    private readonly config;
    readonly role = "client";
    readonly id: string;
    private state;
    constructor(config: ClientConfig);
    handle(input: Input): Output[];
    observe(): ClientState;
    save(): unknown;
    load(saved: unknown): void;
}
export {};
