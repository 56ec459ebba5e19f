/** The current backend set, updated by membership events. */
export class Membership {
    members;
    /** Number of membership changes seen so far: the index of the current stable segment. */
    epoch = 0;
    constructor(backends) {
        this.members = new Map(backends.map((b) => [b.id, b.weight]));
    }
    /** Applies a change; returns the backends that left and joined. */
    change(backends) {
        const next = new Map(backends.map((b) => [b.id, b.weight]));
        const removed = [...this.members.keys()].filter((id) => !next.has(id));
        const added = [...next.keys()].filter((id) => !this.members.has(id));
        this.members = next;
        this.epoch++;
        return { removed, added };
    }
    has(id) {
        return this.members.has(id);
    }
    get size() {
        return this.members.size;
    }
}
export const round = (x, digits = 4) => Number.isFinite(x) ? Number(x.toFixed(digits)) : x;
/** A checker that only judges some policies says so instead of passing vacuously. */
export function skipped(property, note) {
    return { property, status: 'skip', note, violations: [], figures: {} };
}
