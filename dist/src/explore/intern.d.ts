/** Thrown by a frozen interner asked for a value it does not have. */
export declare class NotInterned extends Error {
    readonly key: string;
    constructor(key: string);
}
/** Assigns each distinct value a small dense integer, once. */
export declare class Interner<T> {
    /**
     * A frozen interner hands out only the ids it has: a replica of another process's
     * tables must not invent ids of its own (see parallel.ts).
     */
    frozen: boolean;
    readonly values: T[];
    /** The key of each value, by id. */
    readonly keys: string[];
    private readonly ids;
    /** The id of the value with this key, creating it with `make` when new. */
    intern(key: string, make: () => T): number;
    get size(): number;
}
