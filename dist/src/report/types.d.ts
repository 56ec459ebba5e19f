/**
 * What the HTML report shows. The `npm start` orchestrator fills a Report from the
 * explorer and the checkers and passes it to renderReport (render.ts). Diagrams come
 * in as ready SVG (see diagrams.ts for helpers that make them), so rendering the page
 * is a pure, synchronous function.
 */
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import type { Figure, Verdict } from '../../conformance/checkers/types.ts';
/** pass/fail for invariants, liveness and deadlock freedom; reachable/unreachable for reachability ("sometimes") properties. */
export type PropertyVerdict = 'pass' | 'fail' | 'reachable' | 'unreachable';
export type PropertyKind = 'invariant' | 'reachability' | 'liveness' | 'deadlock';
export interface PropertyResult {
    name: string;
    kind?: PropertyKind;
    verdict: PropertyVerdict;
    /** One line: what the property says, or why it failed. */
    note?: string;
}
export interface ExplorationFigures {
    distinctStates: number;
    transitions: number;
    /** Longest shortest path from the initial state (BFS depth). */
    depth: number;
    timeMs: number;
    /** Computed from distinctStates / timeMs when left out. */
    statesPerSecond?: number;
}
export interface Diagram {
    title: string;
    /** An inline <svg> element (an XML prolog/DOCTYPE, if present, is stripped). */
    svg: string;
    caption?: string;
    /** The text it was drawn from, shown collapsed under the picture. */
    source?: {
        format: 'mermaid' | 'dot';
        text: string;
    };
}
/** One row of a counterexample timeline. */
export interface CounterexampleStep {
    seq: number;
    actor: string;
    action: string;
    /** Summary of the resulting state (from `state` events, when the trace has them). */
    state?: string;
    /** The step is a fault (crash, partition, drop...) or a recovery. */
    tone?: 'fault' | 'recovery';
}
export interface Counterexample {
    /** The property it violates (or, for reachability, witnesses). */
    property: string;
    header: TraceHeader;
    events: TraceEvent[];
    /** Defaults to stepsFromTrace(events). */
    steps?: CounterexampleStep[];
}
export interface ModelReport {
    name: string;
    family?: string;
    description?: string;
    /** Human summary of the configuration explored, e.g. "3 acceptors, 2 values, ballots {0,1}". */
    config?: string;
    properties: PropertyResult[];
    figures: ExplorationFigures;
    diagrams: Diagram[];
    counterexamples: Counterexample[];
}
/** A recorded trace run through the checkers (`coordkit verify`). */
export interface TraceReport {
    file: string;
    protocol: TraceHeader['protocol'];
    /** Producer name (implementation under test), if known. */
    producer?: string;
    events: number;
    verdicts: Verdict[];
    /** Whole-trace figures (e.g. duration, failovers). */
    figures?: Record<string, Figure>;
}
export interface Report {
    title: string;
    /** ISO timestamp. */
    generatedAt: string;
    /** Free key/value facts shown in the header (node version, machine, commit...). */
    environment?: Record<string, string>;
    /**
     * How the run compares with what was expected of it. Mutants and traces recorded to
     * fail are expected to fail, so raw pass counts alone would paint a correct run red.
     */
    outcome?: {
        checked: number;
        unexpected: string[];
    };
    models: ModelReport[];
    traces: TraceReport[];
}
