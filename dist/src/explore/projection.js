import { fingerprint } from './fingerprint.js';
import { FingerprintMap } from './fingerprint-set.js';
export class Projector {
    system;
    actors;
    types;
    mask = new Uint32Array(0);
    maskedEntries = 0;
    scratch = new Uint32Array(8);
    constructor(system, projection) {
        this.system = system;
        this.actors = Int32Array.from(system.spec.actors.flatMap((a, i) => (projection.roles.includes(a.role) ? [i] : [])));
        this.types = new Set(projection.messageTypes);
    }
    /** Whether `a` and `b` differ in what this projection reads. */
    differs(a, b) {
        const { system } = this;
        this.refresh();
        for (let k = 0; k < this.actors.length; k++)
            if (system.local(a, this.actors[k]) !== system.local(b, this.actors[k]))
                return true;
        const off = system.netOffset;
        for (let w = 0; w < this.mask.length; w++) {
            const m = this.mask[w];
            if (m === 0)
                continue;
            const x = off + w < a.length ? a[off + w] : 0;
            const y = off + w < b.length ? b[off + w] : 0;
            if (((x ^ y) & m) !== 0)
                return true;
        }
        return false;
    }
    /**
     * The projection of `v` with `tag` in front, as words in a reused buffer (valid until the
     * next call) and its length.
     */
    project(v, tag) {
        const out = this.projectInto(v, tag);
        this.result.words = this.scratch;
        this.result.length = out;
        return this.result;
    }
    result = { words: new Uint32Array(0), length: 0 };
    /** Writes the projection into the scratch buffer; returns its length. */
    projectInto(v, tag) {
        const { system } = this;
        this.refresh();
        const need = 1 + this.actors.length + this.mask.length;
        if (this.scratch.length < need)
            this.scratch = new Uint32Array(need * 2);
        const out = this.scratch;
        let n = 0;
        out[n++] = tag;
        for (let k = 0; k < this.actors.length; k++)
            out[n++] = system.local(v, this.actors[k]);
        const off = system.netOffset;
        for (let w = 0; w < this.mask.length; w++) {
            const m = this.mask[w];
            if (m !== 0)
                out[n++] = off + w < v.length ? v[off + w] & m : 0;
        }
        return n;
    }
    /** Extends the network mask to messages interned since the last call. */
    refresh() {
        const { system } = this;
        if (this.maskedEntries === system.entries.size)
            return;
        const words = system.width - system.netOffset;
        if (this.mask.length < words) {
            const grown = new Uint32Array(words);
            grown.set(this.mask);
            this.mask = grown;
        }
        for (let e = this.maskedEntries; e < system.entries.size; e++) {
            if (this.types.has(system.entries.values[e].envelope.msg.type))
                system.markEntry(this.mask, e);
        }
        this.maskedEntries = system.entries.size;
    }
}
/**
 * Values memoized by projection, keyed by the projection's 64-bit fingerprint in a typed
 * hash table: exact up to fingerprint collisions, the same bet the visited set makes.
 * Distinct values are interned, so the table holds small integers.
 */
export class ProjectionMemo {
    projector;
    table = new FingerprintMap();
    values = [];
    valueIds = new Map();
    fp = { hi: 0, lo: 0 };
    constructor(projector) {
        this.projector = projector;
    }
    get(v, tag) {
        const { words, length } = this.projector.project(v, tag);
        fingerprint(words, 0, length, this.fp);
        const id = this.table.get(this.fp.hi, this.fp.lo);
        return id < 0 ? undefined : this.values[id];
    }
    set(v, tag, value) {
        const { words, length } = this.projector.project(v, tag);
        fingerprint(words, 0, length, this.fp);
        const key = JSON.stringify(value);
        let id = this.valueIds.get(key);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(value);
            this.valueIds.set(key, id);
        }
        this.table.set(this.fp.hi, this.fp.lo, id);
    }
}
