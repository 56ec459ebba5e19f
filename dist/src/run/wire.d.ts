/**
 * Datagrams between node processes and the runner's proxy (all on 127.0.0.1). Every node
 * sends everything to the proxy: protocol messages (forwarded unless a partition cuts the
 * pair) and its trace events. One socket receives both, so the order in which the proxy
 * reads them respects causality: a node logs a send before the message itself leaves.
 */
import type { TraceEvent } from '../../conformance/schema/trace.ts';
export type Message = {
    type: string;
} & Record<string, unknown>;
/** A trace event before the runner numbers and timestamps it. */
export type NodeEvent = Omit<TraceEvent, 'seq' | 'ts'> extends infer E ? E : never;
export type Packet = {
    t: 'hello';
    node: string;
    port: number;
} | {
    t: 'msg';
    from: string;
    to: string;
    msg: Message;
} | {
    t: 'ev';
    ev: Record<string, unknown> & {
        node: string;
        kind: string;
    };
}
/**
 * Runner to node: start acting (timers, first proposal). `origin` is the run's start
 * (Date.now() in the runner): cluster nodes count ticks from it, so every process,
 * restarted ones included, shares one clock as the model's servers do.
 */
 | {
    t: 'begin';
    origin?: number;
};
export declare const encode: (p: Packet) => Buffer;
export declare function decode(buf: Buffer): Packet | null;
/** What a node process is told at start (one JSON argument). */
export interface NodeLaunch {
    protocol: 'paxos' | 'cluster';
    id: string;
    role: string;
    input: unknown;
    proxyPort: number;
    /** Where the node keeps its stable storage across kills. */
    stateFile: string;
    /** Proposers: ms between rounds. Cluster: ms per tick. */
    periodMs: number;
    /** Implementation variant (a mutant name), default the reference. */
    variant?: string;
    /** Value to announce as proposed (paxos proposers). */
    value?: string;
}
