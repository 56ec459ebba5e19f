import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import type { NodeSpec } from '../drive/adapter.ts';
import { type FaultAction, type FaultKind } from './faults.ts';
export interface RunPlan {
    protocol: 'paxos' | 'cluster';
    header: TraceHeader;
    nodes: NodeSpec[];
    /** Nodes kills and pauses may hit. */
    victims: string[];
    periodMs: number;
    /** The implementation variant (a mutant name); default the reference. */
    variant?: string;
    /** Per-node extra launch fields (a proposer's value). */
    values?: Record<string, string>;
}
export interface RunOptions {
    faults: FaultKind[];
    durationMs: number;
    seed: number;
    log?: (line: string) => void;
    /** Streams the trace to this file as it is recorded (header first, one event a line). */
    out?: string;
    /** Aborting ends the run early, cleanly: nodes stopped, trace closed, result returned. */
    signal?: AbortSignal;
}
export interface RunResult {
    header: TraceHeader;
    events: TraceEvent[];
    faults: FaultAction[];
    pids: number[];
    /** 'aborted' when `signal` ended the run before its duration. */
    ended: 'finished' | 'aborted';
    /** Set when streaming to `out` failed part-way; `events` is still whole. */
    writeError?: string;
}
export declare function runReal(plan: RunPlan, opts: RunOptions): Promise<RunResult>;
