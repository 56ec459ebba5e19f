/**
 * Shared-memory layout between the search (main thread) and expansion workers.
 *
 * Each slot is one batch of states. `control[0]`: IDLE, REQUEST (vectors written, the
 * worker may start), DONE (successors written), STOP. Request words: count, stride, then
 * the vectors. Result words, per state in order: a miss flag (1 = the worker lacked an id
 * and the main thread must expand this state itself), the number of successors, the
 * number of new ones (not yet in the shared visited set), then per new successor: action
 * high word, action low word, width, and the vector's words.
 */
export declare const IDLE = 0;
export declare const REQUEST = 1;
export declare const DONE = 2;
export declare const STOP = 3;
export interface SlotBuffers {
    control: SharedArrayBuffer;
    request: SharedArrayBuffer;
    result: SharedArrayBuffer;
}
export interface Slot {
    control: Int32Array;
    request: Uint32Array;
    result: Uint32Array;
}
export declare function allocateSlot(requestWords: number, resultWords: number): SlotBuffers;
export declare function openSlot(b: SlotBuffers): Slot;
/** How a worker rebuilds the system: `(await import(module))[exportName](args)`. */
export interface SystemRecipe {
    module: string;
    exportName: string;
    args: unknown;
}
export interface WorkerInit {
    recipe: SystemRecipe;
    slots: SlotBuffers[];
    /** The shared visited set (SharedFingerprintSet). */
    visited: SharedArrayBuffer;
}
export declare const ACTION_SPAN: number;
