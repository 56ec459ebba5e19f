import type { ComposedSystem } from './compose.ts';
import { SharedFingerprintSet } from './fingerprint-set.ts';
import { type SystemRecipe } from './parallel-protocol.ts';
import type { StateStore } from './state-store.ts';
export interface ParallelOptions {
    workers: number;
    recipe: SystemRecipe;
    /** States per batch. */
    batch?: number;
    /** Capacity of the shared visited set (fixed: it cannot grow while shared); default 2^24. */
    capacity?: number;
}
export declare class ParallelExpander {
    private readonly system;
    private readonly workers;
    private readonly slots;
    private readonly pending;
    private readonly batch;
    private dispatched;
    private nextSlot;
    private scratch;
    /** States the workers expanded, and those the main thread had to. */
    expanded: number;
    misses: number;
    /** The visited set the workers and the main thread share. */
    readonly visited: SharedFingerprintSet;
    /**
     * Starts the workers and resolves once each has built its replica. Workers need the
     * main thread's event loop to start, so this must finish before the (synchronous)
     * search begins.
     */
    static start(system: ComposedSystem, options: ParallelOptions): Promise<ParallelExpander>;
    private constructor();
    /**
     * Hands batches of not-yet-dispatched stored states to idle slots, in queue order, never
     * past the level of the state being committed (`level`): workers insert into the shared
     * visited set as they go, and a state must be first reached at its shortest depth.
     */
    private dispatch;
    private readonly sentTo;
    /** Sends the worker the ids interned since it last heard, before its next batch. */
    private sendDelta;
    /**
     * For state `index`, as the workers expanded it: calls `fresh` for each successor not
     * visited before and returns how many successors it had; -1 if the main thread must
     * expand it itself (not dispatched, or a miss).
     */
    replay(index: number, store: StateStore, fresh: (action: number, next: Uint32Array) => void): number;
    /** Milliseconds the main thread spent waiting for workers. */
    waitedMs: number;
    private await;
    /** Frees a batch's slot, once its worker has finished writing it. */
    private release;
    /** Start offset of each state's results in a finished batch. */
    private index;
    close(): void;
}
