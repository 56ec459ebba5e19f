/**
 * Round robin. On a membership change the survivors keep their cyclic order, newcomers
 * join at the end of the cycle, and the turn passes to the first survivor that had not yet
 * had its turn, so nobody is skipped or served twice.
 */
import { NoBackendsError } from './types.js';
export class RoundRobin {
    policy = 'round-robin';
    order = [];
    /** Index in `order` of the backend whose turn is next. */
    next = 0;
    constructor(backends) {
        this.order = backends.map((b) => b.id);
    }
    pick() {
        if (this.order.length === 0)
            throw new NoBackendsError();
        const backend = this.order[this.next];
        this.next = (this.next + 1) % this.order.length;
        return { backend };
    }
    done() { }
    setBackends(backends) {
        const ids = new Set(backends.map((b) => b.id));
        const old = this.order;
        // The first survivor at or after the old turn keeps the turn.
        let due;
        for (let k = 0; k < old.length; k++) {
            const id = old[(this.next + k) % old.length];
            if (ids.has(id)) {
                due = id;
                break;
            }
        }
        const survivors = old.filter((id) => ids.has(id));
        const newcomers = backends.map((b) => b.id).filter((id) => !old.includes(id));
        this.order = [...survivors, ...newcomers];
        this.next = due === undefined ? 0 : this.order.indexOf(due);
    }
}
