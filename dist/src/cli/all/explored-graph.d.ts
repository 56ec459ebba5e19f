import { type ComposedSystem } from '../../explore/compose.ts';
import type { StateStore } from '../../explore/state-store.ts';
import type { StateGraph } from '../../diagram/state-graph.ts';
export interface ExploredGraphOptions {
    /** Store indices from the initial state on; drawn highlighted. Default: just the initial state. */
    path?: number[];
    /** The last state of `path` breaks a property. */
    violation?: boolean;
    /** Most states taken (the path itself is always taken). */
    maxNodes: number;
}
/** One line per actor: its state name and the context fields its input does not fix (empty ones left out). */
export declare function stateLabel(system: ComposedSystem, v: Uint32Array): string;
/** What a step did, short enough for an edge: "a1 ← prepare(1) from p1", "p0 propose(0,v2)". */
export declare function actionLabel(system: ComposedSystem, code: number): string;
export declare function exploredGraph(system: ComposedSystem, store: StateStore, options: ExploredGraphOptions): StateGraph;
