function permutations(items) {
    if (items.length <= 1)
        return [items.slice()];
    return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}
/** Every renaming that permutes each group within itself (identity first). */
export function renamings(groups) {
    let out = [new Map()];
    for (const group of groups) {
        out = out.flatMap((base) => permutations(group).map((perm) => {
            const m = new Map(base);
            group.forEach((name, i) => m.set(name, perm[i]));
            return m;
        }));
    }
    return out;
}
const isSorted = (xs) => xs.every((x, i) => i === 0 || JSON.stringify(xs[i - 1]) <= JSON.stringify(x));
export function rename(value, map) {
    if (typeof value === 'string')
        return map.get(value) ?? value;
    if (Array.isArray(value)) {
        const out = value.map((v) => rename(v, map));
        return isSorted(value) ? out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0)) : out;
    }
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, rename(v, map)]));
    }
    return value;
}
export class SymmetryReducer {
    system;
    maps;
    /** Per renaming: actor index -> index of the actor it becomes. */
    actorPerm;
    /** Per renaming and actor: local id -> local id in the target actor's table (-1 = not yet known). */
    localMaps;
    /** Per renaming: message id -> renamed message id (-1 = not yet known). */
    entryMaps;
    images = [];
    constructor(system, groups) {
        this.system = system;
        this.maps = renamings(groups);
        this.actorPerm = this.maps.map((m) => Int32Array.from(system.spec.actors, (a, i) => system.indexOf(m.get(a.id) ?? a.id) ?? i));
        this.localMaps = this.maps.map(() => system.spec.actors.map(() => new Int32Array(0)));
        this.entryMaps = this.maps.map(() => new Int32Array(0));
    }
    get group() {
        return this.maps.length;
    }
    /**
     * Writes the canonical form of `v` into a buffer it returns (valid until the next call)
     * and the orbit size of `v`.
     */
    canonical(v) {
        const images = this.imagesOf(v);
        let best = 0;
        let orbit = 0;
        for (let r = 0; r < images.length; r++) {
            if (compare(images[r], images[best]) < 0)
                best = r;
            let seen = false;
            for (let q = 0; q < r && !seen; q++)
                seen = compare(images[q], images[r]) === 0;
            if (!seen)
                orbit++;
        }
        return { form: images[best], orbit };
    }
    imagesOf(v) {
        const { system } = this;
        // Renaming may intern new local states and messages, widening the encoding: map first.
        const n = system.spec.actors.length;
        const locals = new Int32Array(n);
        const present = [];
        const counts = [];
        system.forEachPresent(v, (e) => {
            present.push(e);
            counts.push(system.copies(v, e));
        });
        const mapped = this.maps.map((_, r) => {
            for (let i = 0; i < n; i++)
                locals[i] = this.localOf(r, i, system.local(v, i));
            return { locals: Int32Array.from(locals), entries: present.map((e) => this.entryOf(r, e)) };
        });
        const width = system.width;
        if (this.images.length !== this.maps.length || this.images[0].length !== width) {
            this.images = this.maps.map(() => new Uint32Array(width));
        }
        mapped.forEach(({ locals: ls, entries }, r) => {
            const img = this.images[r];
            img.fill(0);
            const perm = this.actorPerm[r];
            let crashed = 0;
            let side = 0;
            for (let i = 0; i < n; i++) {
                if ((v[0] >>> i) & 1)
                    crashed |= 1 << perm[i];
                if ((v[0] >>> (16 + i)) & 1)
                    side |= 1 << perm[i];
                system.setLocal(img, perm[i], ls[i]);
            }
            // Cuts are normalised so that side B never holds actor 0 (see compose.ts).
            if (side & 1)
                side = ~side & ((1 << n) - 1);
            img[0] = crashed | (side << 16);
            img[1] = v[1];
            img[2] = v[2];
            entries.forEach((e, k) => {
                for (let c = 0; c < counts[k]; c++)
                    system.addCopy(img, e);
            });
        });
        return this.images;
    }
    localOf(r, i, local) {
        let table = this.localMaps[r][i];
        if (local >= table.length) {
            const grown = new Int32Array(Math.max(16, local * 2)).fill(-1);
            grown.set(table);
            this.localMaps[r][i] = table = grown;
        }
        if (table[local] < 0) {
            const { system } = this;
            const target = this.actorPerm[r][i];
            const snapshot = system.localTables[i].values[local];
            const renamed = system.spec.actors[target].machine.resolveState({
                value: rename(snapshot.value, this.maps[r]),
                context: rename(snapshot.context, this.maps[r]),
            });
            table[local] = system.internLocal(target, renamed);
        }
        return table[local];
    }
    entryOf(r, e) {
        let table = this.entryMaps[r];
        if (e >= table.length) {
            const grown = new Int32Array(Math.max(64, e * 2)).fill(-1);
            grown.set(table);
            this.entryMaps[r] = table = grown;
        }
        if (table[e] < 0)
            table[e] = this.system.internEnvelope(rename(this.system.entries.values[e].envelope, this.maps[r]));
        return table[e];
    }
}
function compare(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}
