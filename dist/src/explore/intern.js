/** Thrown by a frozen interner asked for a value it does not have. */
export class NotInterned extends Error {
    key;
    constructor(key) {
        super(`not interned: ${key}`);
        this.key = key;
    }
}
/** Assigns each distinct value a small dense integer, once. */
export class Interner {
    /**
     * A frozen interner hands out only the ids it has: a replica of another process's
     * tables must not invent ids of its own (see parallel.ts).
     */
    frozen = false;
    values = [];
    /** The key of each value, by id. */
    keys = [];
    ids = new Map();
    /** The id of the value with this key, creating it with `make` when new. */
    intern(key, make) {
        let id = this.ids.get(key);
        if (id === undefined) {
            if (this.frozen)
                throw new NotInterned(key);
            id = this.values.length;
            this.values.push(make());
            this.keys.push(key);
            this.ids.set(key, id);
        }
        return id;
    }
    get size() {
        return this.values.length;
    }
}
