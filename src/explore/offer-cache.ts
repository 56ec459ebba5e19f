/**
 * Environment offers (SystemSpec.offers), memoized per actor and local state so the
 * successor loop rarely calls the user's `offers`:
 *
 *   fixed  the offers read no message: one list per local state;
 *   memo   they read messages through `present` (selectors): one list per combination of
 *          those messages' presence bits;
 *   live   they read the whole state (`view`): recomputed in every state.
 *
 * Offers may read different messages in different local states, but in one local state
 * they must always read the same ones; otherwise the memo would be wrong, and it says so.
 */
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { canonicalJson } from './canonical.ts';
import { Interner } from './intern.ts';
import type { Envelope, OfferContext, StateView, SystemSpec } from './spec.ts';

/** What the cache needs of the composed system. */
export interface OfferHost {
  readonly spec: SystemSpec;
  /** Messages interned so far (ids 0..count-1, append-only). */
  entryCount(): number;
  envelope(entry: number): Envelope;
  /** Ids of the messages actor `from` sent with type `type`, in interning order. */
  sentBy(from: number, type: string): readonly number[] | undefined;
  copies(v: Uint32Array, entry: number): number;
  snapshot(actor: number, local: number): AnyMachineSnapshot;
  internEvent(actor: number, key: string, make: () => EventObject): number;
  actorId(actor: number): string;
  view(v: Uint32Array): StateView;
}

/**
 * Whether offers read the selectors they read before. A function of its own: an arrow
 * function in `offered` capturing the cache entry made V8 allocate a context on every call
 * (measured: about 200 MB of garbage in a symmetry-reduced Paxos.tla search of ballots
 * {0..3}, nearly all its collections).
 */
function sameSelectors(read: readonly number[], cached: Int32Array): boolean {
  if (read.length !== cached.length) return false;
  for (let k = 0; k < read.length; k++) if (read[k] !== cached[k]) return false;
  return true;
}

/** Messages from one actor of one type with some field values: what offers read. */
interface Selector {
  from: number;
  type: string;
  where: [string, unknown][];
  /** Matching entries, in interning order (append-only, so presence bits stay stable). */
  entries: number[];
  /** How much of the (from, type) list has been scanned. */
  scanned: number;
  /** How many messages were interned at the last scan. */
  seenEntries: number;
}

type Cached =
  | { kind: 'fixed'; ids: number[] }
  | { kind: 'live' }
  | { kind: 'memo'; selectors: Int32Array; memo: Map<number | string, number[]> };

/** 2^(16k): selector k's bits in a numeric key (a table: `2 ** x` is a library call). */
const SELECTOR_SCALE = [1, 2 ** 16, 2 ** 32];

export class OfferCache {
  private readonly cache: (Cached | undefined)[][] = [];
  private readonly selectors = new Interner<Selector>();
  /** What the offers being computed read. */
  private reading: { selectors: number[]; whole: boolean } = { selectors: [], whole: false };

  constructor(private readonly host: OfferHost) {}

  /** The event ids actor `i` is offered in state `v`, where its local state is `local`. */
  offered(v: Uint32Array, i: number, local: number): number[] {
    const cache = (this.cache[i] ??= [])[local];
    if (cache === undefined) {
      const ids = this.compute(v, i, local);
      const { selectors, whole } = this.reading;
      this.cache[i][local] = whole
        ? { kind: 'live' }
        : selectors.length === 0
          ? { kind: 'fixed', ids }
          : { kind: 'memo', selectors: Int32Array.from(selectors), memo: new Map([[this.presenceKey(v, selectors), ids]]) };
      return ids;
    }
    if (cache.kind === 'fixed') return cache.ids;
    if (cache.kind === 'live') return this.compute(v, i, local);
    const key = this.presenceKey(v, cache.selectors);
    let ids = cache.memo.get(key);
    if (ids === undefined) {
      ids = this.compute(v, i, local);
      if (this.reading.whole || !sameSelectors(this.reading.selectors, cache.selectors)) {
        throw new Error(`offers for ${this.host.actorId(i)} read different messages in the same local state; they may depend on the local state only`);
      }
      cache.memo.set(key, ids);
    }
    return ids;
  }

  /** Which messages of the selectors are present in `v`, as an exact key. */
  private presenceKey(v: Uint32Array, selectors: ArrayLike<number>): number | string {
    const { host } = this;
    let key = 0;
    let text = '';
    for (let k = 0; k < selectors.length; k++) {
      const entries = this.refreshedSelector(selectors[k]).entries;
      let bits = 0;
      for (let j = 0; j < entries.length && j < 31; j++) if (host.copies(v, entries[j]) > 0) bits |= 1 << j;
      for (let j = 31; j < entries.length; j++) if (host.copies(v, entries[j]) > 0) text += `${k}.${j},`;
      // 16 bits per selector keeps the key exact as a number for up to 3 small selectors.
      if (k < 3 && entries.length <= 16) key += bits * SELECTOR_SCALE[k];
      else text += `${k}:${bits},`;
    }
    return text === '' ? key : `${key}|${text}`;
  }

  /** A selector with every matching message interned so far. */
  private refreshedSelector(id: number): Selector {
    const s = this.selectors.values[id];
    const size = this.host.entryCount();
    // Only messages interned since the last look can match anew.
    if (s.seenEntries === size) return s;
    s.seenEntries = size;
    const list = this.host.sentBy(s.from, s.type);
    if (list) {
      for (; s.scanned < list.length; s.scanned++) {
        const e = list[s.scanned];
        const msg = this.host.envelope(e).msg;
        if (s.where.every(([field, value]) => msg[field] === value)) s.entries.push(e);
      }
    }
    return s;
  }

  private compute(v: Uint32Array, i: number, local: number): number[] {
    const { host } = this;
    const out: number[] = [];
    this.reading = { selectors: [], whole: false };
    const ctx: OfferContext = {
      actor: i,
      snapshot: host.snapshot(i, local),
      present: (from, type, where = {}) => {
        const key = `${from}|${type}|${canonicalJson(where)}`;
        const id = this.selectors.intern(key, () => ({ from, type, where: Object.entries(where), entries: [], scanned: 0, seenEntries: -1 }));
        this.reading.selectors.push(id);
        const found: { entry: number; envelope: Envelope }[] = [];
        for (const e of this.refreshedSelector(id).entries) if (host.copies(v, e) > 0) found.push({ entry: e, envelope: host.envelope(e) });
        return found;
      },
      offer: (key, make) => out.push(host.internEvent(i, key, make)),
      view: () => {
        this.reading.whole = true;
        return host.view(v);
      },
    };
    host.spec.offers!(ctx);
    return out;
  }
}
