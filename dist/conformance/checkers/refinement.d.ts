/**
 * Refinement against XState models: each node of the trace is replayed against its role's
 * machine, tracking every model state consistent with what the trace showed so far (a set
 * of candidates, since the trace does not reveal internal choices). Received messages are
 * fed as events and what the machine emits becomes "owed output"; a send or decide in the
 * trace must be owed by some candidate, possibly after a spontaneous step the role allows
 * (e.g. a proposer starting a round). The first event no candidate allows is the violation.
 *
 * Uses the pure API only (initialTransition / transition). Transitions are memoized per
 * (state, event) in a bounded cache: XState builds an actor scope per call, so a repeated
 * step is much cheaper from the cache.
 */
import { type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { TraceEvent } from '../schema/trace.ts';
/** Something a model owes the trace: a message to some recipients, or a decision. */
export interface Owed {
    key: string;
    to: string[];
}
export interface Candidate {
    snap: AnyMachineSnapshot;
    stateKey: string;
    owed: Owed[];
}
export type ModelEvent = {
    type: string;
} & Record<string, unknown>;
/** How one role's machine reads the trace. */
export interface RoleBinding {
    machine: AnyStateMachine;
    /** A received message as a machine event, or null if the role ignores it. */
    received(e: Extract<TraceEvent, {
        kind: 'receive';
    }>): ModelEvent | null;
    /** What an emitted event owes: its key and recipients (decisions have none), or null. */
    owes(emitted: {
        type: string;
    } & Record<string, unknown>): Owed | null;
    /** What a trace event (send or decide) claims, in the same terms as `owes`. */
    claims(e: TraceEvent): Owed | null;
    /** Spontaneous steps that could explain an unowed claim: (prepared snapshot, event) pairs. */
    spontaneous?(c: Candidate, claim: Owed, e: TraceEvent): {
        snap: AnyMachineSnapshot;
        event: ModelEvent;
    }[];
    /** Local events that narrow the candidates (e.g. which value a proposer proposes). */
    narrow?(c: Candidate, e: TraceEvent): boolean | undefined;
}
export declare class NodeReplay {
    private readonly role;
    private candidates;
    private readonly memo;
    constructor(role: RoleBinding, initial: AnyMachineSnapshot[]);
    get size(): number;
    private step;
    /** Feeds one trace event at this node; returns a reason if no candidate allows it. */
    apply(e: TraceEvent): string | undefined;
    private dedupe;
}
