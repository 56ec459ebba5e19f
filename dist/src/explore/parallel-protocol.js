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
export const IDLE = 0;
export const REQUEST = 1;
export const DONE = 2;
export const STOP = 3;
export function allocateSlot(requestWords, resultWords) {
    return {
        control: new SharedArrayBuffer(4),
        request: new SharedArrayBuffer(requestWords * 4),
        result: new SharedArrayBuffer(resultWords * 4),
    };
}
export function openSlot(b) {
    return { control: new Int32Array(b.control), request: new Uint32Array(b.request), result: new Uint32Array(b.result) };
}
export const ACTION_SPAN = 2 ** 32;
