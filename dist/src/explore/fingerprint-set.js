/**
 * The visited set: 64-bit fingerprints in an open-addressing table, one typed array with
 * each slot's two halves side by side (one cache line per probe), linear probing, doubled
 * at 70% load: 8 bytes per slot, about 11-23 bytes per state. A JS Set would cost 50+ bytes
 * per entry and caps at 2^24 entries. Slot (0, 0) means empty; fingerprints never have lo = 0.
 */
export class FingerprintSet {
    slots;
    mask;
    count = 0;
    constructor(initialCapacity = 1 << 16) {
        let cap = 1 << 4;
        while (cap < initialCapacity)
            cap <<= 1;
        this.slots = new Uint32Array(cap * 2);
        this.mask = cap - 1;
    }
    get size() {
        return this.count;
    }
    get capacity() {
        return this.mask + 1;
    }
    get bytes() {
        return this.slots.byteLength;
    }
    /** Adds the fingerprint; returns false if it was already present. */
    add(hi, lo) {
        const slots = this.slots;
        let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
        for (;;) {
            const l = slots[2 * i + 1];
            if (l === 0)
                break;
            if (l === lo && slots[2 * i] === hi)
                return false;
            i = (i + 1) & this.mask;
        }
        slots[2 * i] = hi;
        slots[2 * i + 1] = lo;
        if (++this.count * 10 > this.capacity * 7)
            this.grow();
        return true;
    }
    has(hi, lo) {
        const slots = this.slots;
        let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
        for (;;) {
            const l = slots[2 * i + 1];
            if (l === 0)
                return false;
            if (l === lo && slots[2 * i] === hi)
                return true;
            i = (i + 1) & this.mask;
        }
    }
    grow() {
        const old = this.slots;
        const cap = this.capacity * 2;
        this.slots = new Uint32Array(cap * 2);
        this.mask = cap - 1;
        this.count = 0;
        for (let i = 0; i < old.length; i += 2)
            if (old[i + 1] !== 0)
                this.add(old[i], old[i + 1]);
    }
}
/**
 * A map from 64-bit fingerprints to small non-negative integers, laid out like
 * FingerprintSet (three words per slot: hi, lo, value + 1).
 */
export class FingerprintMap {
    slots;
    mask;
    count = 0;
    constructor(initialCapacity = 1 << 10) {
        let cap = 1 << 4;
        while (cap < initialCapacity)
            cap <<= 1;
        this.slots = new Uint32Array(cap * 3);
        this.mask = cap - 1;
    }
    get size() {
        return this.count;
    }
    /** The value stored for the fingerprint, or -1. */
    get(hi, lo) {
        const slots = this.slots;
        let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
        for (;;) {
            const l = slots[3 * i + 1];
            if (l === 0)
                return -1;
            if (l === lo && slots[3 * i] === hi)
                return slots[3 * i + 2] - 1;
            i = (i + 1) & this.mask;
        }
    }
    set(hi, lo, value) {
        const slots = this.slots;
        let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
        for (;;) {
            const l = slots[3 * i + 1];
            if (l === 0)
                break;
            if (l === lo && slots[3 * i] === hi) {
                slots[3 * i + 2] = value + 1;
                return;
            }
            i = (i + 1) & this.mask;
        }
        slots[3 * i] = hi;
        slots[3 * i + 1] = lo;
        slots[3 * i + 2] = value + 1;
        if (++this.count * 10 > (this.mask + 1) * 7)
            this.grow();
    }
    grow() {
        const old = this.slots;
        const cap = (this.mask + 1) * 2;
        this.slots = new Uint32Array(cap * 3);
        this.mask = cap - 1;
        this.count = 0;
        for (let i = 0; i < old.length; i += 3)
            if (old[i + 1] !== 0)
                this.set(old[i], old[i + 1], old[i + 2] - 1);
    }
}
/**
 * A fingerprint set in shared memory that several threads insert into at once. A slot is
 * claimed by compare-and-swap on its lo word; the claimer then writes hi, which is never
 * 0, so a reader that finds lo but hi = 0 waits for the claimer to finish. Fixed capacity:
 * it cannot grow while others probe it.
 */
export class SharedFingerprintSet {
    buffer;
    /** Slot words: hi, lo; the last two words hold the count. */
    slots;
    mask;
    static allocate(capacity) {
        let cap = 1 << 4;
        while (cap < capacity)
            cap <<= 1;
        return new SharedArrayBuffer((cap * 2 + 2) * 4);
    }
    constructor(buffer) {
        this.buffer = buffer;
        this.slots = new Int32Array(buffer);
        this.mask = (this.slots.length - 2) / 2 - 1;
    }
    get size() {
        return Atomics.load(this.slots, this.slots.length - 1);
    }
    get bytes() {
        return this.buffer.byteLength;
    }
    /** True once the table is 90% full: inserts must stop before probing degenerates. */
    get full() {
        return this.size * 10 > (this.mask + 1) * 9;
    }
    /** Adds the fingerprint (lo must not be 0); returns false if it was already present. */
    add(hi, lo) {
        const slots = this.slots;
        const h = hi | 0 || 1;
        const l = lo | 0;
        let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
        for (;;) {
            const seen = Atomics.compareExchange(slots, 2 * i + 1, 0, l);
            if (seen === 0) {
                Atomics.store(slots, 2 * i, h);
                Atomics.add(slots, slots.length - 1, 1);
                return true;
            }
            if (seen === l) {
                let other = Atomics.load(slots, 2 * i);
                while (other === 0)
                    other = Atomics.load(slots, 2 * i);
                if (other === h)
                    return false;
            }
            i = (i + 1) & this.mask;
        }
    }
}
