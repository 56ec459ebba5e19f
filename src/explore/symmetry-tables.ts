/**
 * The tables behind cheap symmetry reduction: for every renaming of a system's
 * interchangeable names, the image of each interned local state and of each network
 * message, and a 64-bit Zobrist key per element of a state (an actor's local state in a
 * slot, a message with its copy count). With them the fingerprint of a renamed state is
 * an XOR of table entries, so a state's images are never materialised (symmetry.ts).
 *
 * Rows are filled lazily, the first time an element is met, by renaming the snapshot or
 * envelope (`rename`) and interning the result: XState is asked once per (renaming,
 * local state), never per global state. Keys are laid out renaming-fastest
 * (`row * R * 2 + r * 2`, hi then lo), so one element updates all R images in one
 * contiguous sweep.
 *
 * These element keys are not the per-word keys of fingerprint.ts (a renamed state's
 * words mix elements of several actors, so per-word keys could not be updated per
 * element); the visited set of a reduced search holds only these canonical fingerprints.
 */
import type { StateValue } from 'xstate';
import type { ComposedSystem } from './compose.ts';
import { fmix } from './fingerprint.ts';
import type { Envelope } from './spec.ts';
import { FAULTS, LOCALS } from './state-layout.ts';

export type Renaming = ReadonlyMap<string, string>;



/** Key halves of element `id` in slot `slot` (distinct slots: locals per actor, messages, faults). */
export const keyHi = (slot: number, id: number): number => fmix(Math.imul(id + 1, 0xcc9e2d51) ^ Math.imul(slot + 1, 0x9e3779b9) ^ 0x2545f491);
export const keyLo = (slot: number, id: number): number => fmix((Math.imul((id + 1) ^ 0x5bd1e995, 0x1b873593) + Math.imul(slot + 7, 0x7feb352d)) | 0);

/** Slot numbers: actor slots are 0..n-1; messages and fault words follow. */
const ENTRY_SLOT = 0x10000;
const FAULT_SLOT = 0x20000;

/** The key of a message present with `count` copies (a set network: always 1). */
const countHi = (base: number, count: number) => (count === 1 ? base : fmix(base ^ Math.imul(count, 0x27d4eb2f)));
const countLo = (base: number, count: number) => (count === 1 ? base : fmix(base + Math.imul(count, 0x165667b1)));

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every renaming that permutes each group within itself (identity first). */
export function renamings(groups: readonly (readonly string[])[]): Renaming[] {
  let out: Map<string, string>[] = [new Map()];
  for (const group of groups) {
    out = out.flatMap((base) => permutations(group).map((perm) => {
      const m = new Map(base);
      group.forEach((name, i) => m.set(name, perm[i]));
      return m;
    }));
  }
  return out;
}

const json = (x: unknown) => JSON.stringify(x);
const isSorted = (xs: unknown[]) => xs.every((x, i) => i === 0 || json(xs[i - 1]) <= json(x));

/**
 * Renames every string equal to a name and every object key equal to one. Lists that were
 * sorted (recipient lists, quorums) are sorted again, since the models keep sets sorted.
 */
export function rename(value: unknown, map: Renaming): unknown {
  if (typeof value === 'string') return map.get(value) ?? value;
  if (Array.isArray(value)) {
    const out = value.map((v) => rename(v, map));
    return isSorted(value) ? out.sort((a, b) => (json(a) < json(b) ? -1 : json(a) > json(b) ? 1 : 0)) : out;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, rename(v, map)]));
  }
  return value;
}

/** Every string and object key in `value` (the names a renaming could touch). */
function namesIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) namesIn(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      namesIn(v, out);
    }
  }
  return out;
}

/**
 * Interns `value`'s image under every renaming with `intern`, renaming and interning once
 * per distinct restriction of the renamings to the names `value` mentions: a message
 * naming one acceptor and one value has 15 distinct images among 5 acceptors x 3 values'
 * 720 renamings. Returns the R image ids.
 */
function imagesUnder(maps: readonly Renaming[], value: unknown, intern: (map: Renaming, r: number) => number): number[] {
  const names = [...namesIn(value, new Set())].filter((x) => maps.some((m) => m.has(x) && m.get(x) !== x));
  const byRestriction = new Map<string, number>();
  return maps.map((m, r) => {
    const key = names.map((x) => m.get(x) ?? x).join('\u0000');
    let id = byRestriction.get(key);
    if (id === undefined) {
      id = intern(m, r);
      byRestriction.set(key, id);
    }
    return id;
  });
}

export class SymmetryTables {
  readonly maps: Renaming[];
  /** Number of renamings (R). */
  readonly size: number;
  /** Per renaming: actor index -> index of the actor it becomes. */
  readonly actorPerm: Int32Array[];
  /** Per actor: keys of the image of each local id under every renaming (R hi/lo pairs per id). */
  private localKeys: Int32Array[];
  private localFilled: Uint8Array[];
  /** Per actor: local id -> renamed local id (in the target actor's table), R per id. */
  private localImages: Int32Array[];
  /** Keys of the image of each message under every renaming, with one copy. */
  private entryKeys = new Int32Array(0);
  private entryImages = new Int32Array(0);
  private entryFilled = new Uint8Array(0);
  private readonly n: number;

  constructor(private readonly system: ComposedSystem, groups: readonly (readonly string[])[]) {
    this.maps = renamings(groups);
    this.size = this.maps.length;
    this.n = system.spec.actors.length;
    this.actorPerm = this.maps.map((m) => Int32Array.from(system.spec.actors, (a, i) => system.indexOf(m.get(a.id) ?? a.id) ?? i));
    this.localKeys = system.spec.actors.map(() => new Int32Array(0));
    this.localImages = system.spec.actors.map(() => new Int32Array(0));
    this.localFilled = system.spec.actors.map(() => new Uint8Array(0));
  }

  /** The keys of actor `i`'s local `local` under every renaming: row at `local * R * 2`. */
  localRow(i: number, local: number): Int32Array {
    if (local >= this.localFilled[i].length || this.localFilled[i][local] === 0) this.fillLocal(i, local);
    return this.localKeys[i];
  }

  /** The keys of message `e` (one copy) under every renaming: row at `e * R * 2`. */
  entryRow(e: number): Int32Array {
    if (e >= this.entryFilled.length || this.entryFilled[e] === 0) this.fillEntry(e);
    return this.entryKeys;
  }

  /** Renamed local id of actor `i`'s `local` under renaming `r` (it belongs to actor actorPerm[r][i]). */
  localImage(r: number, i: number, local: number): number {
    this.localRow(i, local);
    return this.localImages[i][local * this.size + r];
  }

  /** Renamed message id of `e` under renaming `r`. */
  entryImage(r: number, e: number): number {
    this.entryRow(e);
    return this.entryImages[e * this.size + r];
  }

  /** Key halves of a message present with `count` copies, from its one-copy key. */
  static countHi = countHi;
  static countLo = countLo;

  /** Key of the fault word after renaming `r` (crashed bits and partition side move with the actors). */
  faultKeyHi(r: number, word: number): number {
    return word === 0 ? 0 : keyHi(FAULT_SLOT, this.renameFaults(r, word));
  }

  faultKeyLo(r: number, word: number): number {
    return word === 0 ? 0 : keyLo(FAULT_SLOT, this.renameFaults(r, word));
  }

  renameFaults(r: number, word: number): number {
    const perm = this.actorPerm[r];
    let crashed = 0;
    let side = 0;
    for (let i = 0; i < this.n; i++) {
      if ((word >>> i) & 1) crashed |= 1 << perm[i];
      if ((word >>> (16 + i)) & 1) side |= 1 << perm[i];
    }
    // Cuts are normalised so that side B never holds actor 0 (see compose.ts).
    if (side & 1) side = ~side & ((1 << this.n) - 1);
    return (crashed | (side << 16)) >>> 0;
  }

  /**
   * The image of `v` under renaming `r`, materialised (tests, and the readable definition
   * of what the keys stand for): locals move to the renamed actors, messages to their
   * renamed ids.
   */
  image(v: Uint32Array, r: number): Uint32Array {
    const { system } = this;
    const locals: number[] = [];
    for (let i = 0; i < this.n; i++) locals.push(this.localImage(r, i, system.layout.local(v, i)));
    const present: [number, number][] = [];
    system.layout.forEachPresent(v, (e) => present.push([this.entryImage(r, e), system.copies(v, e)]));
    const out = new Uint32Array(system.width);
    out[FAULTS] = this.renameFaults(r, v[FAULTS]);
    for (let k = FAULTS + 1; k < LOCALS; k++) out[k] = v[k];
    for (let i = 0; i < this.n; i++) system.layout.setLocal(out, this.actorPerm[r][i], locals[i]);
    for (const [e, c] of present) for (let k = 0; k < c; k++) system.addCopy(out, e);
    return out;
  }

  private fillLocal(i: number, local: number): void {
    const R = this.size;
    if (local >= this.localFilled[i].length) {
      const cap = Math.max(16, (local + 1) * 2);
      const filled = new Uint8Array(cap);
      filled.set(this.localFilled[i]);
      const keys = new Int32Array(cap * R * 2);
      keys.set(this.localKeys[i]);
      const images = new Int32Array(cap * R);
      images.set(this.localImages[i]);
      this.localFilled[i] = filled;
      this.localKeys[i] = keys;
      this.localImages[i] = images;
    }
    const { system } = this;
    const snapshot = system.snapshot(i, local);
    // The target actor is a function of the restriction too: the actor's own id is named in it.
    const ids = imagesUnder(this.maps, [system.spec.actors[i].id, snapshot.value, snapshot.context], (map, r) => {
      if (r === 0) return local;
      const target = this.actorPerm[r][i];
      return system.internLocal(target, system.spec.actors[target].machine.resolveState({
        value: rename(snapshot.value, map) as StateValue,
        context: rename(snapshot.context, map),
      }));
    });
    for (let r = 0; r < R; r++) {
      const target = this.actorPerm[r][i];
      const id = ids[r];
      this.localImages[i][local * R + r] = id;
      this.localKeys[i][(local * R + r) * 2] = keyHi(target, id);
      this.localKeys[i][(local * R + r) * 2 + 1] = keyLo(target, id);
    }
    this.localFilled[i][local] = 1;
  }

  private fillEntry(e: number): void {
    const R = this.size;
    const { system } = this;
    // Interning an image may add messages, so compute images before sizing the rows.
    const envelope = system.envelope(e);
    const images = imagesUnder(this.maps, envelope, (map, r) => (r === 0 ? e : system.internEnvelope(rename(envelope, map) as Envelope)));
    const need = Math.max(e + 1, system.entryCount());
    if (need > this.entryFilled.length) {
      const cap = Math.max(64, need * 2);
      const filled = new Uint8Array(cap);
      filled.set(this.entryFilled);
      const keys = new Int32Array(cap * R * 2);
      keys.set(this.entryKeys);
      const imgs = new Int32Array(cap * R);
      imgs.set(this.entryImages);
      this.entryFilled = filled;
      this.entryKeys = keys;
      this.entryImages = imgs;
    }
    for (let r = 0; r < R; r++) {
      this.entryImages[e * R + r] = images[r];
      this.entryKeys[(e * R + r) * 2] = keyHi(ENTRY_SLOT, images[r]);
      this.entryKeys[(e * R + r) * 2 + 1] = keyLo(ENTRY_SLOT, images[r]);
    }
    this.entryFilled[e] = 1;
  }
}
