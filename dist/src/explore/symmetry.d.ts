import type { ComposedSystem } from './compose.ts';
type Renaming = ReadonlyMap<string, string>;
/** Every renaming that permutes each group within itself (identity first). */
export declare function renamings(groups: readonly (readonly string[])[]): Renaming[];
export declare function rename(value: unknown, map: Renaming): unknown;
export declare class SymmetryReducer {
    private readonly system;
    private readonly maps;
    /** Per renaming: actor index -> index of the actor it becomes. */
    private readonly actorPerm;
    /** Per renaming and actor: local id -> local id in the target actor's table (-1 = not yet known). */
    private readonly localMaps;
    /** Per renaming: message id -> renamed message id (-1 = not yet known). */
    private readonly entryMaps;
    private images;
    constructor(system: ComposedSystem, groups: readonly (readonly string[])[]);
    get group(): number;
    /**
     * Writes the canonical form of `v` into a buffer it returns (valid until the next call)
     * and the orbit size of `v`.
     */
    canonical(v: Uint32Array): {
        form: Uint32Array;
        orbit: number;
    };
    private imagesOf;
    private localOf;
    private entryOf;
}
export {};
