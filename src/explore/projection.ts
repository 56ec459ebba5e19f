/**
 * The part of an encoded state a function reads (see `Projection`): the local ids of the
 * actors with the given roles and the network words masked to the given message types.
 * States with equal projections look the same to that function, so its result can be
 * memoized by projection (`ProjectionMemo`) and need not be recomputed along a step that
 * leaves the projection unchanged (`differs`).
 */
import type { ComposedSystem } from './compose.ts';
import { fingerprint, type Fingerprint } from './fingerprint.ts';
import { FingerprintMap } from './fingerprint-set.ts';
import type { Projection } from './spec.ts';

export class Projector {
  private readonly actors: Int32Array;
  private readonly types: Set<string>;
  private mask = new Uint32Array(0);
  private maskedEntries = 0;
  private scratch = new Uint32Array(8);

  /**
   * What this projection reads, resolved against the system: two projections with the same
   * key read the same words (roles no actor has, and duplicate types, drop out).
   */
  readonly key: string;

  constructor(private readonly system: ComposedSystem, projection: Projection) {
    this.actors = Int32Array.from(system.spec.actors.flatMap((a, i) => (projection.roles.includes(a.role) ? [i] : [])));
    this.types = new Set(projection.messageTypes);
    this.key = `${this.actors.join(',')}|${[...this.types].sort().join(',')}`;
  }

  /** Whether `a` and `b` differ in what this projection reads. */
  differs(a: Uint32Array, b: Uint32Array): boolean {
    const { layout } = this.system;
    this.refresh();
    for (let k = 0; k < this.actors.length; k++) if (layout.local(a, this.actors[k]) !== layout.local(b, this.actors[k])) return true;
    for (let w = 0; w < this.mask.length; w++) {
      const m = this.mask[w];
      if (m === 0) continue;
      if (((layout.networkWord(a, w) ^ layout.networkWord(b, w)) & m) !== 0) return true;
    }
    return false;
  }

  /**
   * The projection of `v` with `tag` in front, as words in a reused buffer (valid until the
   * next call) and its length.
   */
  project(v: Uint32Array, tag: number): { words: Uint32Array; length: number } {
    const out = this.projectInto(v, tag);
    this.result.words = this.scratch;
    this.result.length = out;
    return this.result;
  }

  private readonly result = { words: new Uint32Array(0), length: 0 };

  /** Writes the projection into the scratch buffer; returns its length. */
  private projectInto(v: Uint32Array, tag: number): number {
    const { layout } = this.system;
    this.refresh();
    const need = 1 + this.actors.length + this.mask.length;
    if (this.scratch.length < need) this.scratch = new Uint32Array(need * 2);
    const out = this.scratch;
    let n = 0;
    out[n++] = tag;
    for (let k = 0; k < this.actors.length; k++) out[n++] = layout.local(v, this.actors[k]);
    for (let w = 0; w < this.mask.length; w++) {
      const m = this.mask[w];
      if (m !== 0) out[n++] = layout.networkWord(v, w) & m;
    }
    return n;
  }

  /** Extends the network mask to messages interned since the last call. */
  private refresh(): void {
    const { system } = this;
    const entries = system.entryCount();
    if (this.maskedEntries === entries) return;
    const words = system.width - system.layout.netOffset;
    if (this.mask.length < words) {
      const grown = new Uint32Array(words);
      grown.set(this.mask);
      this.mask = grown;
    }
    for (let e = this.maskedEntries; e < entries; e++) {
      if (this.types.has(system.envelope(e).msg.type)) system.layout.markEntry(this.mask, e);
    }
    this.maskedEntries = entries;
  }
}

/**
 * Values memoized by projection, keyed by the projection's 64-bit fingerprint in a typed
 * hash table: exact up to fingerprint collisions, the same bet the visited set makes.
 * Distinct values are interned, so the table holds small integers.
 */
export class ProjectionMemo<T> {
  private readonly table = new FingerprintMap();
  private readonly values: T[] = [];
  private readonly valueIds = new Map<string, number>();
  private readonly fp: Fingerprint = { hi: 0, lo: 0 };

  constructor(readonly projector: Projector) {}

  get(v: Uint32Array, tag: number): T | undefined {
    const { words, length } = this.projector.project(v, tag);
    fingerprint(words, 0, length, this.fp);
    const id = this.table.get(this.fp.hi, this.fp.lo);
    return id < 0 ? undefined : this.values[id];
  }

  set(v: Uint32Array, tag: number, value: T): void {
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
