/**
 * Explicit-state search over a composed system: BFS (shortest counterexamples) or DFS,
 * a visited set of 64-bit fingerprints, invariants, reachability checks against vacuity,
 * deadlock detection, a depth bound, a memory cap with a clean stop, and checkpoints
 * from which a search resumes where it stopped.
 *
 * A search runs in slices (`startSearch(...).advance(until)`): `search` runs one slice
 * to the end; `searchAsync` gives the event loop a turn between slices of ~50 ms, so a
 * SIGINT or SIGTERM handler (which only runs when the loop gets control) can stop it.
 */
import { ComposedSystem } from './compose.ts';
import type { ParallelExpander } from './parallel.ts';
import { StateStore } from './state-store.ts';
import type { Property } from './spec.ts';
export type Strategy = 'bfs' | 'dfs';
export interface SearchOptions {
    strategy: Strategy;
    /** States deeper than this are not expanded; the run is then marked incomplete. */
    maxDepth?: number;
    /** Report states without successors as deadlocks. */
    deadlock?: boolean;
    /** Keep going after the first invariant violation (one counterexample per property). */
    continueAfterViolation?: boolean;
    /** Stop cleanly, with partial statistics, once the process's resident memory exceeds this. */
    maxMemoryBytes?: number;
    /** Stop cleanly once this many distinct states are stored (e.g. to checkpoint a slice). */
    maxStates?: number;
    /** Polled every few hundred expansions; true stops the search cleanly (e.g. on Ctrl-C). */
    interrupted?: () => boolean;
    /** Called about once a second (progressIntervalMs). */
    onProgress?: (p: Progress) => void;
    progressIntervalMs?: number;
    /** Continue a search saved by `checkpoint()` instead of starting from the initial state. */
    resume?: SearchSnapshot;
    /** Explore one state per orbit under the system's declared symmetry (spec.symmetry). */
    symmetry?: boolean;
    /**
     * BFS only: expand upcoming states in worker threads (same result, more cores); from
     * `await ParallelExpander.start(system, ...)`. The search closes it.
     */
    expander?: ParallelExpander;
}
export interface Progress {
    states: number;
    transitions: number;
    depth: number;
    queue: number;
    elapsedMs: number;
    statesPerSecond: number;
}
export interface PropertyResult {
    name: string;
    kind: Property['kind'] | 'deadlock';
    description: string;
    /** invariant: holds / violated; reachable: reached / unreached. */
    status: 'holds' | 'violated' | 'reached' | 'unreached';
    message?: string;
    /** State indices from the initial state to the witness or violation. */
    path?: number[];
}
/** Why the search ended. Anything but 'exhausted' means some states were not explored. */
export type StopReason = 'exhausted' | 'violation' | 'depth-bound' | 'memory' | 'state-limit' | 'interrupted';
export interface SearchResult {
    system: string;
    strategy: Strategy;
    /** Distinct states explored (one per orbit under symmetry reduction). */
    states: number;
    /** Distinct states the unreduced search would find: the sum of the explored orbits' sizes. */
    statesUnreduced: number;
    /** Size of the symmetry group used, 1 without reduction. */
    symmetryGroup: number;
    transitions: number;
    depth: number;
    elapsedMs: number;
    /** True only if every reachable state (within no bound) was explored. */
    complete: boolean;
    stopReason: StopReason;
    properties: PropertyResult[];
    store: StateStore;
    fingerprintBytes: number;
    /** Everything needed to resume; see checkpoint.ts for writing it to a file. */
    snapshot(): SearchSnapshot;
}
/** The whole search state between two expansions. */
export interface SearchSnapshot {
    strategy: Strategy;
    store: StateStore;
    /** BFS: next index to expand. DFS: the stack. */
    head: number;
    stack: number[];
    transitions: number;
    maxDepth: number;
    cut: boolean;
    elapsedMs: number;
    properties: PropertyResult[];
    statesUnreduced: number;
}
/** A search in progress: `advance` explores until `until` (performance.now()) or the end. */
export interface SearchRun {
    /** Explores until the clock passes `until` (checked every few hundred expansions); true once the search has ended. */
    advance(until?: number): boolean;
    /** The result; call once `advance` returned true. */
    finish(): SearchResult;
}
/** Runs a whole search synchronously. */
export declare function search(system: ComposedSystem, options: SearchOptions): SearchResult;
/** Runs a whole search, yielding to the event loop every ~50 ms so signal handlers run. */
export declare function searchAsync(system: ComposedSystem, options: SearchOptions): Promise<SearchResult>;
export declare function startSearch(system: ComposedSystem, options: SearchOptions): SearchRun;
