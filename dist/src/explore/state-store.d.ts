export declare class StateStore {
    private stride;
    private vectors;
    private parents;
    private actions;
    private depths;
    private count;
    constructor(stride: number);
    get size(): number;
    get bytes(): number;
    /** Appends a state; returns its index. */
    push(vector: Uint32Array, parent: number, action: number, depth: number): number;
    /** Copies state `i` into `out` (which must hold `stride` words); returns `out`. */
    read(i: number, out?: Uint32Array): Uint32Array;
    get width(): number;
    parent(i: number): number;
    action(i: number): number;
    depth(i: number): number;
    /** Indices from the initial state to `i`, inclusive. */
    pathTo(i: number): number[];
    /** The stored columns, trimmed to the states stored: for checkpoints. */
    columns(): {
        stride: number;
        vectors: Uint32Array;
        parents: Int32Array;
        actions: Float64Array;
        depths: Uint16Array;
    };
    static fromColumns(c: ReturnType<StateStore['columns']>): StateStore;
    /** Re-lays every chunk at a wider stride (new words are zero). Rare: the network grew. */
    private widen;
}
