/**
 * Transition coverage of the explored graph. The model is explored exhaustively (BFS);
 * every edge, including the deliveries the model ignores, must then be driven at least
 * once. Paths are built greedily: each starts with the shortest path to the shallowest
 * state that still has an untaken edge, then keeps taking untaken edges while it can.
 * That covers every edge with far fewer paths than one shortest path per edge.
 */
import type { ComposedSystem } from '../explore/compose.ts';
import { type DriveStep } from './steps.ts';
export interface CoveragePath {
    steps: DriveStep[];
    /** Model state after each step (so the driver need not recompute it). */
    states: Uint32Array[];
}
export interface CoveragePlan {
    states: number;
    edges: number;
    /** The ordered paths; together they take every edge. */
    paths: CoveragePath[];
    /** The shortest path (from the initial state) that takes a given edge. */
    shortestTo(state: number, edge: number): CoveragePath;
    /** Locates a (state vector, step) pair as an edge of the plan, if it is one. */
    edgeOf(v: Uint32Array, step: DriveStep): {
        state: number;
        edge: number;
    } | null;
}
export declare function coveragePlan(system: ComposedSystem, opts?: {
    maxPathLength?: number;
    maxDepth?: number;
}): CoveragePlan;
