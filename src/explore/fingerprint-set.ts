/**
 * The visited set: 64-bit fingerprints in an open-addressing table, one typed array with
 * each slot's two halves side by side (one cache line per probe), linear probing, doubled
 * at 70% load: 8 bytes per slot, about 11-23 bytes per state. A JS Set would cost 50+ bytes
 * per entry and caps at 2^24 entries. Slot (0, 0) means empty; fingerprints never have lo = 0.
 *
 * A fingerprint's home slot is the top bits of its hash, so doubling sends the entries of
 * old slot i to about new slot 2i: `grow` reads the old table and writes the new one in
 * order, instead of one cache miss per entry (it was 6% of a 8-million-state search).
 */
export class FingerprintSet {
  private readonly recent = new RecentFingerprints();
  private slots: Uint32Array;
  private mask: number;
  /** 32 - log2(capacity): a hash's top bits pick the home slot. */
  private shift: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Adds the fingerprint; returns false if it was already present. */
  add(hi: number, lo: number): boolean {
    if (this.recent.has(hi, lo)) return false;
    this.recent.note(hi, lo);
    const slots = this.slots;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) >>> this.shift;
    for (;;) {
      const l = slots[2 * i + 1];
      if (l === 0) break;
      if (l === lo && slots[2 * i] === hi) return false;
      i = (i + 1) & this.mask;
    }
    slots[2 * i] = hi;
    slots[2 * i + 1] = lo;
    if (++this.count * 10 > this.capacity * 7) this.grow();
    return true;
  }

  /**
   * Reads the fingerprint's home slot and returns its lo word: a cache warm-up before
   * `add`, skipped (0) for a fingerprint seen a moment ago, which `add` answers without it.
   */
  touch(hi: number, lo: number): number {
    if (this.recent.has(hi, lo)) return 0;
    return this.slots[2 * ((hi ^ Math.imul(lo, 0x9e3779b1)) >>> this.shift) + 1];
  }

  has(hi: number, lo: number): boolean {
    const slots = this.slots;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) >>> this.shift;
    for (;;) {
      const l = slots[2 * i + 1];
      if (l === 0) return false;
      if (l === lo && slots[2 * i] === hi) return true;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = this.capacity * 2;
    const slots = new Uint32Array(cap * 2);
    const mask = cap - 1;
    const shift = this.shift - 1;
    for (let k = 0; k < old.length; k += 2) {
      const hi = old[k];
      const lo = old[k + 1];
      if (lo === 0) continue;
      let i = (hi ^ Math.imul(lo, 0x9e3779b1)) >>> shift;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hi;
      slots[2 * i + 1] = lo;
    }
    this.slots = slots;
    this.mask = mask;
    this.shift = shift;
  }
}

/** Lines in RecentFingerprints (a power of two): 32 KB, within a core's L1 data cache. */
const RECENT_LINES = 1 << 12;

/**
 * The fingerprint last added in each of a few thousand lines: a filter in front of a
 * visited set, which never forgets, so a fingerprint found here is in the set. In a
 * breadth-first search most successors already visited were reached a moment before,
 * from a sibling (two steps that commute reach one state by two paths): on Paxos.tla
 * ballots {0..3}, 14.9 million of the 25.4 million probes for states not their parent
 * hit here. The table lines those probes would read were mostly in cache already, so
 * the search gained only about 2%.
 */
class RecentFingerprints {
  private readonly words = new Uint32Array(2 * RECENT_LINES);

  has(hi: number, lo: number): boolean {
    const i = 2 * (hi & (RECENT_LINES - 1));
    return this.words[i + 1] === lo && this.words[i] === hi;
  }

  note(hi: number, lo: number): void {
    const i = 2 * (hi & (RECENT_LINES - 1));
    this.words[i] = hi;
    this.words[i + 1] = lo;
  }
}

/**
 * A map from 64-bit fingerprints to small non-negative integers, laid out like
 * FingerprintSet (three words per slot: hi, lo, value + 1).
 */
export class FingerprintMap {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 10) {
    let cap = 1 << 4;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Uint32Array(cap * 3);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for the fingerprint, or -1. */
  get(hi: number, lo: number): number {
    const slots = this.slots;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const l = slots[3 * i + 1];
      if (l === 0) return -1;
      if (l === lo && slots[3 * i] === hi) return slots[3 * i + 2] - 1;
      i = (i + 1) & this.mask;
    }
  }

  set(hi: number, lo: number, value: number): void {
    const slots = this.slots;
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const l = slots[3 * i + 1];
      if (l === 0) break;
      if (l === lo && slots[3 * i] === hi) {
        slots[3 * i + 2] = value + 1;
        return;
      }
      i = (i + 1) & this.mask;
    }
    slots[3 * i] = hi;
    slots[3 * i + 1] = lo;
    slots[3 * i + 2] = value + 1;
    if (++this.count * 10 > (this.mask + 1) * 7) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Uint32Array(cap * 3);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i + 1] !== 0) this.set(old[i], old[i + 1], old[i + 2] - 1);
  }
}

/**
 * A fingerprint set in shared memory that several threads insert into at once. A slot is
 * claimed by compare-and-swap on its lo word; the claimer then writes hi, which is never
 * 0, so a reader that finds lo but hi = 0 waits for the claimer to finish. Fixed capacity:
 * it cannot grow while others probe it.
 */
/** Inserts a thread makes before it adds them to the shared count. */
export const COUNT_EVERY = 256;

/** Int32 words per 4 KiB page, the usual size (a larger page only means some writes touch a page twice). */
const PAGE_WORDS = 1024;

export class SharedFingerprintSet {
  /** This thread's own: each thread opens the buffer in an object of its own. */
  private readonly recent = new RecentFingerprints();
  /** Slot words: hi, lo; the last two words hold the count. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  static allocate(capacity: number): SharedArrayBuffer {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    return new SharedArrayBuffer((cap * 2 + 2) * 4);
  }

  constructor(readonly buffer: SharedArrayBuffer) {
    this.slots = new Int32Array(buffer);
    this.mask = (this.slots.length - 2) / 2 - 1;
  }

  /** Inserts by this thread not yet added to the shared count: one atomic add per insert would bounce its cache line between threads. */
  private unsaid = 0;

  /** Entries, give or take a few hundred per other thread (their inserts not yet counted). */
  get size(): number {
    return Atomics.load(this.slots, this.slots.length - 1) + this.unsaid;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }

  /** True once the table is 90% full: inserts must stop before probing degenerates. */
  get full(): boolean {
    return this.size * 10 > (this.mask + 1) * 9;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /**
   * A new set of twice the capacity holding every fingerprint of this one, counted exactly.
   * Only while no other thread inserts: between two batches of parallel search.
   */
  grown(): SharedFingerprintSet {
    const next = new SharedFingerprintSet(SharedFingerprintSet.allocate(2 * this.capacity));
    const slots = next.slots;
    const mask = next.mask;
    let count = 0;
    for (let k = 0; k < this.slots.length - 2; k += 2) {
      const lo = this.slots[k + 1];
      if (lo === 0) continue;
      const hi = this.slots[k];
      let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hi;
      slots[2 * i + 1] = lo;
      count++;
    }
    slots[slots.length - 1] = count;
    return next;
  }

  /** Reads the fingerprint's home slot (a plain read: a hint, not a claim); see FingerprintSet. */
  touch(hi: number, lo: number): number {
    if (this.recent.has(hi, lo)) return 0;
    return this.slots[2 * ((hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask) + 1];
  }

  /**
   * Writes once to each page of part `part` of `parts` of the table (an atomic add of 0,
   * harmless beside other threads' inserts), so that the kernel maps those pages now.
   * Otherwise every insert of a search's first levels lands on a page not yet mapped:
   * 128 MB of table, 32,768 page faults taken one by one from two threads at once, made
   * the first eleven levels of ballots {0..3} with one worker about 0.3 s slower (twice);
   * written in order from one thread they take 50 ms or so. With it (and guided batch
   * sizes, parallel.ts), the single thread's time over main thread + 1 worker's went from
   * 1.60 to 1.81, medians of 6 rounds (better in 5, equal in 1).
   */
  prefault(part: number, parts: number): void {
    const slots = this.slots;
    const pages = Math.ceil(slots.length / PAGE_WORDS);
    const end = Math.ceil(((part + 1) * pages) / parts);
    for (let page = Math.ceil((part * pages) / parts); page < end; page++) Atomics.add(slots, page * PAGE_WORDS, 0);
  }

  /** Adds the fingerprint (neither word 0: fingerprint.ts); returns false if it was already present. */
  add(hi: number, lo: number): boolean {
    if (this.recent.has(hi, lo)) return false;
    const slots = this.slots;
    const h = hi | 0;
    const l = lo | 0;
    // hi = 0 marks a slot being written: such a fingerprint would be waited for forever.
    if (h === 0 || l === 0) throw new RangeError(`fingerprint words must not be 0: ${hi}, ${lo}`);
    this.recent.note(hi, lo);
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (let probes = 0; ; probes++) {
      // A full table would be probed round forever: a search stops inserting at 90% (`full`).
      if (probes > this.mask) throw new RangeError(`the shared visited set is full (${this.mask + 1} fingerprints)`);
      // A plain read first: most probes meet a taken slot, and a locked instruction (the
      // compare-and-swap) costs several times a read. Only an empty-looking slot is claimed.
      let seen = slots[2 * i + 1];
      if (seen === 0) {
        seen = Atomics.compareExchange(slots, 2 * i + 1, 0, l);
        if (seen === 0) {
          Atomics.store(slots, 2 * i, h);
          if (++this.unsaid === COUNT_EVERY) {
            Atomics.add(slots, slots.length - 1, this.unsaid);
            this.unsaid = 0;
          }
          return true;
        }
      }
      if (seen === l) {
        let other = Atomics.load(slots, 2 * i);
        while (other === 0) other = Atomics.load(slots, 2 * i);
        if (other === h) return false;
      }
      i = (i + 1) & this.mask;
    }
  }
}
