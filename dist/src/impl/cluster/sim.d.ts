/**
 * A deterministic in-process run of the cluster implementation (servers and clients) in
 * synchronous rounds, recorded as a conformance trace. Round t: scheduled faults strike,
 * every up node takes tick t, then messages are delivered in FIFO order until none is
 * left (dropped across a partition or to a crashed node; held for a paused one until it
 * resumes). It exercises what the model leaves out (client sessions) and gives the trace
 * checkers something to judge without real processes.
 */
import type { TraceEvent, TraceHeader } from '../../../conformance/schema/trace.ts';
import type { ClientConfig } from './client.ts';
import { type ClusterVariant } from './nodes.ts';
import type { Tick } from './types.ts';
export type SimFault = {
    at: Tick;
    kind: 'crash' | 'restart' | 'pause' | 'resume';
    node: string;
} | {
    at: Tick;
    kind: 'partition';
    groups: string[][];
} | {
    at: Tick;
    kind: 'heal';
};
export interface SimPlan {
    servers: string[];
    syncLimit: number;
    sessionTicks: number;
    tickTime: number;
    ticks: number;
    clients: ClientConfig[];
    faults: SimFault[];
    variant?: ClusterVariant;
}
export declare function simulate(plan: SimPlan): {
    header: TraceHeader;
    events: TraceEvent[];
};
/**
 * The standard simulated run: three servers, one client with a long-lived session and
 * sessions that close or fall silent, a follower crash and restart, a follower pause,
 * a leader crash, and a partition cutting a follower off.
 */
export declare function standardSimPlan(variant?: ClusterVariant): SimPlan;
