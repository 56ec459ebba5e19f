/**
 * The visited set: 64-bit fingerprints in an open-addressing table of two typed arrays
 * (8 bytes per slot), linear probing, doubled at 70% load. A JS Set would cost ~50+ bytes
 * per entry and caps at 2^24 entries; this holds hundreds of millions in a few GB.
 * Slot (0, 0) means empty; fingerprints never have lo = 0.
 */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < initialCapacity) cap <<= 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get bytes(): number {
    return this.hi.byteLength + this.lo.byteLength;
  }

  /** Adds the fingerprint; returns false if it was already present. */
  add(hi: number, lo: number): boolean {
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const l = this.lo[i];
      if (l === 0) break;
      if (l === lo && this.hi[i] === hi) return false;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    if (++this.count * 10 > this.capacity * 7) this.grow();
    return true;
  }

  has(hi: number, lo: number): boolean {
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const l = this.lo[i];
      if (l === 0) return false;
      if (l === lo && this.hi[i] === hi) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** All fingerprints, as (hi, lo) pairs: for checkpoints. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i <= this.mask; i++) if (this.lo[i] !== 0) yield [this.hi[i], this.lo[i]];
  }

  private grow(): void {
    const { hi, lo } = this;
    const cap = this.capacity * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.add(hi[i], lo[i]);
  }
}
