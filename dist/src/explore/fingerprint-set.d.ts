/**
 * The visited set: 64-bit fingerprints in an open-addressing table, one typed array with
 * each slot's two halves side by side (one cache line per probe), linear probing, doubled
 * at 70% load: 8 bytes per slot, about 11-23 bytes per state. A JS Set would cost 50+ bytes
 * per entry and caps at 2^24 entries. Slot (0, 0) means empty; fingerprints never have lo = 0.
 */
export declare class FingerprintSet {
    private slots;
    private mask;
    private count;
    constructor(initialCapacity?: number);
    get size(): number;
    get capacity(): number;
    get bytes(): number;
    /** Adds the fingerprint; returns false if it was already present. */
    add(hi: number, lo: number): boolean;
    has(hi: number, lo: number): boolean;
    private grow;
}
/**
 * A map from 64-bit fingerprints to small non-negative integers, laid out like
 * FingerprintSet (three words per slot: hi, lo, value + 1).
 */
export declare class FingerprintMap {
    private slots;
    private mask;
    private count;
    constructor(initialCapacity?: number);
    get size(): number;
    /** The value stored for the fingerprint, or -1. */
    get(hi: number, lo: number): number;
    set(hi: number, lo: number, value: number): void;
    private grow;
}
/**
 * A fingerprint set in shared memory that several threads insert into at once. A slot is
 * claimed by compare-and-swap on its lo word; the claimer then writes hi, which is never
 * 0, so a reader that finds lo but hi = 0 waits for the claimer to finish. Fixed capacity:
 * it cannot grow while others probe it.
 */
export declare class SharedFingerprintSet {
    readonly buffer: SharedArrayBuffer;
    /** Slot words: hi, lo; the last two words hold the count. */
    private readonly slots;
    private readonly mask;
    static allocate(capacity: number): SharedArrayBuffer;
    constructor(buffer: SharedArrayBuffer);
    get size(): number;
    get bytes(): number;
    /** True once the table is 90% full: inserts must stop before probing degenerates. */
    get full(): boolean;
    /** Adds the fingerprint (lo must not be 0); returns false if it was already present. */
    add(hi: number, lo: number): boolean;
}
