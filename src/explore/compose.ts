/**
 * Turns a SystemSpec into an explicit transition system over compact integer vectors.
 *
 * Each actor's local snapshot is interned to a small id once, and each local transition
 * (local id, event id) -> (next id, messages sent) is computed by XState's pure
 * `transition` once and memoized. The explorer then works on vectors:
 *
 *   word 0        crashed actors (bits 0..15) | partition side B (bits 16..31, 0 = connected)
 *   word 1        fault budget used: crashes | restarts << 8 | partitions << 16 | loss << 24
 *   word 2        duplications used
 *   words 3..     local state ids, 16 bits per actor
 *   then          the network: a bit per message (set) or a 4-bit count per message (multiset)
 *
 * The network part grows as new messages are interned; fingerprints ignore trailing zero
 * words, so a state's fingerprint does not change when the encoding widens.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type EventObject, type StateValue } from 'xstate';
import { canonicalJson } from './canonical.ts';
import { Interner } from './intern.ts';
import type { ActorView, Envelope, OfferContext, StateView, SystemSpec } from './spec.ts';

export const enum ActionKind {
  Deliver = 0,
  Offer = 1,
  Crash = 2,
  Restart = 3,
  Partition = 4,
  Heal = 5,
  Lose = 6,
  Duplicate = 7,
}

/** A step, decoded: which actor did what. */
export interface Action {
  kind: ActionKind;
  actor: number;
  /** Message entry (deliver, lose, duplicate), event id (offer), or side-B mask (partition). */
  arg: number;
}

const ACTOR_SPAN = 256;
const ARG_SPAN = 2 ** 32;
export const encodeAction = (kind: ActionKind, actor: number, arg: number): number =>
  (kind * ACTOR_SPAN + actor) * ARG_SPAN + arg;
export function decodeAction(code: number): Action {
  const arg = code % ARG_SPAN;
  const rest = (code - arg) / ARG_SPAN;
  return { kind: rest >>> 8, actor: rest & 0xff, arg };
}

const FAULTS = 0;
const BUDGET = 1;
const DUPS = 2;
const LOCALS = 3;
const MAX_ACTORS = 16;
const MAX_LOCALS = 0xffff;
const MAX_COPIES = 15;

export interface TableSizes {
  locals: number[];
  events: number[];
  entries: number;
}

/** Interning tables as plain data (see exportTables). */
export interface InternTables {
  system: string;
  /** Id of each table's first value here (a delta); absent = from 0. */
  start?: TableSizes;
  locals: { value: unknown; context: unknown }[][];
  events: { key: string; event: EventObject }[][];
  entries: { from: number; envelope: Envelope }[];
}

/** Per actor and local state: the messages that enable a step, and its result. */
interface Deliveries {
  /** Network-word mask of enabling messages (a bit, or a 4-bit field in a multiset). */
  mask: Uint32Array;
  /** Step result per message id; meaningful where the mask is set. */
  results: Int32Array;
  /** Messages considered so far. */
  seen: number;
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

type OfferCache =
  | { kind: 'fixed'; ids: number[] }
  | { kind: 'live' }
  | { kind: 'memo'; selectors: Int32Array; memo: Map<number | string, number[]> };

/** One memoized local transition. */
interface LocalStep {
  next: number;
  /** Network entries the step adds (one per recipient in a multiset network). */
  sends: Int32Array;
  /** Everything the machine emitted, for traces. */
  emitted: EventObject[];
}

interface Entry {
  envelope: Envelope;
  fromIndex: number;
  /** Actors this entry is delivered to, with the event id each one receives. */
  recipients: { actor: number; event: number }[];
}

export class ComposedSystem {
  readonly n: number;
  readonly localTables: Interner<AnyMachineSnapshot>[];
  readonly eventTables: Interner<EventObject>[];
  readonly entries = new Interner<Entry>();
  /** Per actor: memoized step results, dense by (local id, event id); -2 = not computed. */
  private memoTables: Int32Array[];
  private memoLocals: number[];
  private memoEvents: number[];
  private readonly steps: (LocalStep | null)[] = [];
  private readonly byFromType = new Map<string, number[]>();
  private readonly actorIndex = new Map<string, number>();
  /** Actors marked `environment` (never crashed, never on side B of a partition). */
  private readonly environmentMask: number;
  /** Connection semantics (see NetworkSpec): unreachable messages are dropped. */
  private readonly connections: boolean;
  /** Per network entry (multiset): the index of its one recipient. */
  private readonly entryTarget: number[] = [];
  private readonly initialSnapshots: AnyMachineSnapshot[];
  private readonly initialVector: Uint32Array;
  private readonly isSet: boolean;
  private readonly perWord: number;
  readonly netOffset: number;

  constructor(readonly spec: SystemSpec) {
    this.n = spec.actors.length;
    if (this.n > MAX_ACTORS) throw new Error(`at most ${MAX_ACTORS} actors are supported, got ${this.n}`);
    spec.actors.forEach((a, i) => this.actorIndex.set(a.id, i));
    this.environmentMask = spec.actors.reduce((m, a, i) => (a.environment ? m | (1 << i) : m), 0);
    this.connections = spec.network.kind === 'multiset' && spec.network.connections === true;
    this.localTables = spec.actors.map(() => new Interner<AnyMachineSnapshot>());
    this.eventTables = spec.actors.map(() => new Interner<EventObject>());
    this.memoTables = spec.actors.map(() => new Int32Array(64).fill(-2));
    this.memoLocals = spec.actors.map(() => 8);
    this.memoEvents = spec.actors.map(() => 8);
    this.isSet = spec.network.kind === 'set';
    this.perWord = this.isSet ? 32 : 8;
    this.netOffset = LOCALS + Math.ceil(this.n / 2);

    const locals: number[] = [];
    const sends: number[] = [];
    this.initialSnapshots = spec.actors.map((a, i) => {
      const [snapshot, actions] = initialTransition(a.machine, a.input);
      locals.push(this.internLocal(i, snapshot));
      for (const e of this.emittedOf(actions)) if (e.type === 'send') sends.push(...this.internSends(i, e as unknown as Envelope));
      return snapshot;
    });
    const v = new Uint32Array(this.width);
    locals.forEach((id, i) => this.setLocal(v, i, id));
    for (const e of sends) this.addCopy(v, e);
    this.initialVector = v;
  }

  /** Words in an encoded state, now; grows as messages are interned. */
  get width(): number {
    if (this.widthEntries !== this.entries.size) {
      this.widthEntries = this.entries.size;
      this.cachedWidth = this.netOffset + Math.ceil(this.entries.size / this.perWord);
    }
    return this.cachedWidth;
  }

  private widthEntries = -1;
  private cachedWidth = 0;

  initial(): Uint32Array {
    const v = new Uint32Array(this.width);
    v.set(this.initialVector);
    return v;
  }

  actorId(index: number): string {
    return this.spec.actors[index].id;
  }

  // ------------------------------------------------------------------ encoding

  local(v: Uint32Array, i: number): number {
    const w = v[LOCALS + (i >>> 1)];
    return i & 1 ? w >>> 16 : w & 0xffff;
  }

  setLocal(v: Uint32Array, i: number, id: number): void {
    const at = LOCALS + (i >>> 1);
    v[at] = i & 1 ? (v[at] & 0xffff) | (id << 16) : (v[at] & 0xffff0000) | id;
  }

  crashed(v: Uint32Array, i: number): boolean {
    return ((v[FAULTS] >>> i) & 1) === 1;
  }

  /** Copies of entry `e` in state `v` (0 or 1 for a set network). */
  copies(v: Uint32Array, e: number): number {
    const at = this.netOffset + Math.floor(e / this.perWord);
    if (at >= v.length) return 0;
    if (this.isSet) return (v[at] >>> (e & 31)) & 1;
    return (v[at] >>> ((e & 7) * 4)) & 0xf;
  }

  addCopy(v: Uint32Array, e: number): void {
    const at = this.netOffset + Math.floor(e / this.perWord);
    if (this.isSet) {
      v[at] |= 1 << (e & 31);
      return;
    }
    const shift = (e & 7) * 4;
    const c = (v[at] >>> shift) & 0xf;
    if (c === MAX_COPIES) throw new Error(`more than ${MAX_COPIES} copies of one message in flight: ${JSON.stringify(this.entries.values[e].envelope)}`);
    v[at] += 1 << shift;
  }

  /** Sets in `mask` (network words only) every bit that encodes entry `e`. */
  markEntry(mask: Uint32Array, e: number): void {
    const w = Math.floor(e / this.perWord);
    mask[w] |= this.isSet ? 1 << (e & 31) : 0xf << ((e & 7) * 4);
  }

  private removeCopy(v: Uint32Array, e: number): void {
    const at = this.netOffset + Math.floor(e / this.perWord);
    v[at] -= 1 << ((e & 7) * 4);
  }

  /** Calls `f` for each entry present in `v`. */
  forEachPresent(v: Uint32Array, f: (e: number) => void): void {
    for (let at = this.netOffset; at < v.length; at++) {
      let w = v[at];
      if (w === 0) continue;
      const base = (at - this.netOffset) * this.perWord;
      if (this.isSet) {
        while (w !== 0) {
          const bit = 31 - Math.clz32(w & -w);
          f(base + bit);
          w &= w - 1;
        }
      } else {
        for (let k = 0; k < 8; k++) if ((w >>> (k * 4)) & 0xf) f(base + k);
      }
    }
  }

  // ------------------------------------------------------------------ interning

  internLocal(i: number, s: AnyMachineSnapshot): number {
    const id = this.localTables[i].intern(canonicalJson([s.value, s.context, s.status]), () => s);
    if (id > MAX_LOCALS) throw new Error(`actor ${this.actorId(i)} has more than ${MAX_LOCALS} local states`);
    return id;
  }

  internEvent(i: number, key: string, make: () => EventObject): number {
    return this.eventTables[i].intern(key, make);
  }

  private emittedOf(actions: readonly { type: string; params?: unknown }[]): EventObject[] {
    const out: EventObject[] = [];
    for (const a of actions) if (a.type === 'xstate.emit') out.push((a.params as { event: EventObject }).event);
    return out;
  }

  /** Interns the network entries for a send: one for a set network, one per recipient otherwise. */
  private internSends(from: number, send: { to: readonly string[]; msg: Envelope['msg'] }): number[] {
    const fromId = this.actorId(from);
    const groups = this.isSet ? [send.to] : send.to.map((t) => [t]);
    return groups.map((to) => {
      const envelope: Envelope = { from: fromId, to, msg: send.msg };
      return this.entries.intern(canonicalJson(envelope), () => this.makeEntry(from, envelope));
    });
  }

  /** The id of a message in flight, interning it if new. */
  internEnvelope(envelope: Envelope): number {
    const from = this.actorIndex.get(envelope.from);
    if (from === undefined) throw new Error(`unknown sender ${envelope.from}`);
    return this.entries.intern(canonicalJson(envelope), () => this.makeEntry(from, envelope));
  }

  indexOf(actorId: string): number | undefined {
    return this.actorIndex.get(actorId);
  }

  private makeEntry(fromIndex: number, envelope: Envelope): Entry {
    const recipients: Entry['recipients'] = [];
    for (const id of envelope.to) {
      const actor = this.actorIndex.get(id);
      if (actor === undefined) throw new Error(`${envelope.from} sent ${envelope.msg.type} to unknown node ${id}`);
      const receives = this.spec.actors[actor].receives;
      if (receives && !receives.includes(envelope.msg.type)) continue;
      const event = { ...envelope.msg, from: envelope.from } as EventObject;
      recipients.push({ actor, event: this.internEvent(actor, canonicalJson(event), () => event) });
    }
    const entry: Entry = { envelope, fromIndex, recipients };
    this.entryTarget.push(this.actorIndex.get(envelope.to[0]) ?? -1);
    const key = `${fromIndex}|${envelope.msg.type}`;
    const list = this.byFromType.get(key) ?? [];
    list.push(this.entries.size);
    this.byFromType.set(key, list);
    return entry;
  }

  // ------------------------------------------------------------------ local steps

  /** The memoized result of actor `i` in local state `local` taking event `event`, or -1 if disabled. */
  step(i: number, local: number, event: number): number {
    const events = this.memoEvents[i];
    if (local < this.memoLocals[i] && event < events) {
      const hit = this.memoTables[i][local * events + event];
      if (hit !== -2) return hit;
    }
    const result = this.computeStep(i, local, event);
    this.remember(i, local, event, result);
    return result;
  }

  private computeStep(i: number, local: number, event: number): number {
    const before = this.localTables[i].values[local];
    const [after, actions] = transition(this.spec.actors[i].machine, before, this.eventTables[i].values[event]);
    // XState returns the very same snapshot for an event no transition takes, and also for
    // a transition whose only effect is to emit: the emitted actions tell them apart.
    const emitted = this.emittedOf(actions);
    let result = -1;
    if (after !== before || emitted.length > 0) {
      const sends: number[] = [];
      for (const e of emitted) if (e.type === 'send') sends.push(...this.internSends(i, e as unknown as Envelope));
      result = this.steps.length;
      this.steps.push({ next: this.internLocal(i, after), sends: Int32Array.from(sends), emitted });
    }
    return result;
  }

  /** Stores a step result, growing the actor's table (doubling) when ids outgrew it. */
  private remember(i: number, local: number, event: number, result: number): void {
    let locals = this.memoLocals[i];
    let events = this.memoEvents[i];
    if (local >= locals || event >= events) {
      while (local >= locals) locals *= 2;
      while (event >= events) events *= 2;
      const old = this.memoTables[i];
      const oldEvents = this.memoEvents[i];
      const table = new Int32Array(locals * events).fill(-2);
      for (let l = 0; l < this.memoLocals[i]; l++) table.set(old.subarray(l * oldEvents, (l + 1) * oldEvents), l * events);
      this.memoTables[i] = table;
      this.memoLocals[i] = locals;
      this.memoEvents[i] = events;
    }
    this.memoTables[i][local * events + event] = result;
  }

  localStep(result: number): LocalStep {
    return this.steps[result] as LocalStep;
  }

  // ------------------------------------------------------------------ successors

  private scratch = new Uint32Array(0);

  /** A copy of `v`, widened to the current width, in a reusable buffer. */
  private copyOf(v: Uint32Array): Uint32Array {
    const w = this.width;
    if (this.scratch.length !== w) this.scratch = new Uint32Array(w);
    const out = this.scratch;
    const n = v.length < w ? v.length : w;
    for (let k = 0; k < n; k++) out[k] = v[k];
    for (let k = n; k < w; k++) out[k] = 0;
    return out;
  }

  /** Applies local step `r` of actor `i` to a copy of `v`; the copy is valid until the next call. */
  private applied(v: Uint32Array, i: number, r: number, consumed = -1): Uint32Array {
    const s = this.steps[r] as LocalStep;
    // Interning during `step` may have widened the encoding; copy after it.
    const next = this.copyOf(v);
    this.setLocal(next, i, s.next);
    if (consumed >= 0 && !this.isSet) this.removeCopy(next, consumed);
    for (let k = 0; k < s.sends.length; k++) {
      if (this.connections && !this.reachable(next, i, this.entryTarget[s.sends[k]])) continue;
      this.addCopy(next, s.sends[k]);
    }
    return next;
  }

  /** Connection semantics: whether a message from `from` can reach `to` in state `v`. */
  private reachable(v: Uint32Array, from: number, to: number): boolean {
    const side = v[FAULTS] >>> 16;
    return !this.crashed(v, to) && ((side >>> from) & 1) === ((side >>> to) & 1);
  }

  /** Connection semantics: drops every message in flight that can no longer arrive. */
  private dropUnreachable(v: Uint32Array): void {
    if (!this.connections) return;
    this.forEachPresent(v, (e) => {
      if (this.reachable(v, this.entries.values[e].fromIndex, this.entryTarget[e])) return;
      const at = this.netOffset + (e >>> 3);
      v[at] &= ~(0xf << ((e & 7) * 4));
    });
  }

  /**
   * Calls `emit(action, next)` for every successor of `v`. `next` is a scratch buffer,
   * valid only during the call.
   */
  successors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    const { n } = this;
    const crashedMask = v[FAULTS] & 0xffff;

    const side = v[FAULTS] >>> 16;
    // Deliveries: per live actor, the present messages that enable a step in its local
    // state (present words AND the actor's enabling mask), skipping cut links.
    const off = this.netOffset;
    for (let i = 0; i < n; i++) {
      if ((crashedMask >>> i) & 1) continue;
      const local = this.local(v, i);
      const d = this.deliveries(i, local);
      const words = Math.min(d.mask.length, v.length - off);
      for (let w = 0; w < words; w++) {
        let bits = v[off + w] & d.mask[w];
        // Only the enabled entries, in entry order (a multiset's 4-bit count field is found
        // by its lowest set bit, then cleared whole): most words enable one or two.
        while (bits !== 0) {
          const bit = 31 - Math.clz32(bits & -bits);
          const k = this.isSet ? bit : bit >>> 2;
          bits &= this.isSet ? bits - 1 : ~(0xf << (k * 4));
          const e = w * this.perWord + k;
          if (side !== 0 && ((side >>> this.entries.values[e].fromIndex) & 1) !== ((side >>> i) & 1)) continue;
          emit(encodeAction(ActionKind.Deliver, i, e), this.applied(v, i, d.results[e], e));
        }
      }
    }

    // Environment offers.
    if (this.spec.offers) {
      for (let i = 0; i < n; i++) {
        if ((crashedMask >>> i) & 1) continue;
        const local = this.local(v, i);
        for (const event of this.offered(v, i, local)) {
          const r = this.step(i, local, event);
          if (r >= 0) emit(encodeAction(ActionKind.Offer, i, event), this.applied(v, i, r));
        }
      }
    }

    this.faultSuccessors(v, emit);
  }

  /**
   * For actor `i` in local state `local`: which messages enable a step (a mask over the
   * network words) and the step each one takes. Extended lazily as messages are interned,
   * so the hot loop never looks at messages that cannot move the actor.
   */
  private deliveries(i: number, local: number): Deliveries {
    const table = (this.deliveryTables[i] ??= []);
    let d = table[local];
    if (d === undefined) table[local] = d = { mask: new Uint32Array(0), results: new Int32Array(0), seen: 0 };
    if (d.seen !== this.entries.size) this.extendDeliveries(i, local, d);
    return d;
  }

  private readonly deliveryTables: Deliveries[][] = [];

  private extendDeliveries(i: number, local: number, d: Deliveries): void {
    // Computing steps may intern further messages; loop until none is new.
    while (d.seen < this.entries.size) {
      const size = this.entries.size;
      const words = Math.ceil(size / this.perWord);
      if (d.mask.length < words) {
        const mask = new Uint32Array(Math.max(words, d.mask.length * 2));
        mask.set(d.mask);
        d.mask = mask;
      }
      if (d.results.length < size) {
        const results = new Int32Array(Math.max(size, d.results.length * 2)).fill(-1);
        results.set(d.results.subarray(0, d.seen));
        d.results = results;
      }
      for (let e = d.seen; e < size; e++) {
        const recipient = this.entries.values[e].recipients.find((r) => r.actor === i);
        if (!recipient) continue;
        const r = this.step(i, local, recipient.event);
        if (r < 0) continue;
        d.results[e] = r;
        this.markEntry(d.mask, e);
      }
      d.seen = size;
    }
  }

  /**
   * Offers memoized per actor and local state: `fixed` when they read no message, `memo`
   * keyed by the presence bits of the messages they read (through selectors), `live` when
   * they read the whole state.
   */
  private readonly offerCache: (OfferCache | undefined)[][] = [];
  private readonly selectors = new Interner<Selector>();
  private reading: { selectors: number[]; whole: boolean } = { selectors: [], whole: false };

  private offered(v: Uint32Array, i: number, local: number): number[] {
    const cache = (this.offerCache[i] ??= [])[local];
    if (cache === undefined) {
      const ids = this.computeOffers(v, i, local);
      const { selectors, whole } = this.reading;
      this.offerCache[i][local] = whole
        ? { kind: 'live' }
        : selectors.length === 0
          ? { kind: 'fixed', ids }
          : { kind: 'memo', selectors: Int32Array.from(selectors), memo: new Map([[this.presenceKey(v, selectors), ids]]) };
      return ids;
    }
    if (cache.kind === 'fixed') return cache.ids;
    if (cache.kind === 'live') return this.computeOffers(v, i, local);
    const key = this.presenceKey(v, cache.selectors);
    let ids = cache.memo.get(key);
    if (ids === undefined) {
      ids = this.computeOffers(v, i, local);
      const read = this.reading.selectors;
      if (this.reading.whole || read.length !== cache.selectors.length || read.some((s, k) => s !== cache.selectors[k])) {
        throw new Error(`offers for ${this.actorId(i)} read different messages in the same local state; they may depend on the local state only`);
      }
      cache.memo.set(key, ids);
    }
    return ids;
  }

  /** Which messages of the selectors are present in `v`, as an exact key. */
  private presenceKey(v: Uint32Array, selectors: ArrayLike<number>): number | string {
    let key = 0;
    let text = '';
    for (let k = 0; k < selectors.length; k++) {
      const entries = this.refreshedSelector(selectors[k]).entries;
      let bits = 0;
      for (let j = 0; j < entries.length && j < 31; j++) if (this.copies(v, entries[j]) > 0) bits |= 1 << j;
      for (let j = 31; j < entries.length; j++) if (this.copies(v, entries[j]) > 0) text += `${k}.${j},`;
      // 16 bits per selector keeps the key exact as a number for up to 3 small selectors.
      if (k < 3 && entries.length <= 16) key += bits * 2 ** (16 * k);
      else text += `${k}:${bits},`;
    }
    return text === '' ? key : `${key}|${text}`;
  }

  /** A selector with every matching message interned so far. */
  private refreshedSelector(id: number): Selector {
    const s = this.selectors.values[id];
    // Only messages interned since the last look can match anew.
    if (s.seenEntries === this.entries.size) return s;
    s.seenEntries = this.entries.size;
    const list = this.byFromType.get(`${s.from}|${s.type}`);
    if (list) {
      for (; s.scanned < list.length; s.scanned++) {
        const e = list[s.scanned];
        const msg = this.entries.values[e].envelope.msg;
        if (s.where.every(([field, value]) => msg[field] === value)) s.entries.push(e);
      }
    }
    return s;
  }

  private computeOffers(v: Uint32Array, i: number, local: number): number[] {
    const out: number[] = [];
    this.reading = { selectors: [], whole: false };
    const ctx: OfferContext = {
      actor: i,
      snapshot: this.localTables[i].values[local],
      present: (from, type, where = {}) => {
        const key = `${from}|${type}|${canonicalJson(where)}`;
        const id = this.selectors.intern(key, () => ({ from, type, where: Object.entries(where), entries: [], scanned: 0, seenEntries: -1 }));
        this.reading.selectors.push(id);
        const found: { entry: number; envelope: Envelope }[] = [];
        for (const e of this.refreshedSelector(id).entries) if (this.copies(v, e) > 0) found.push({ entry: e, envelope: this.entries.values[e].envelope });
        return found;
      },
      offer: (key, make) => out.push(this.internEvent(i, key, make)),
      view: () => {
        this.reading.whole = true;
        return this.view(v);
      },
    };
    this.spec.offers!(ctx);
    return out;
  }

  private faultSuccessors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    const { crashes, restarts, partitions } = this.spec.faults;
    const budget = v[BUDGET];
    const crashesUsed = budget & 0xff;
    const restartsUsed = (budget >>> 8) & 0xff;
    const partitionsUsed = (budget >>> 16) & 0xff;
    const lossUsed = budget >>> 24;
    const crashedMask = v[FAULTS] & 0xffff;

    for (let i = 0; i < this.n; i++) {
      const isCrashed = (crashedMask >>> i) & 1;
      if (!isCrashed && crashesUsed < crashes && !this.spec.actors[i].environment) {
        const next = this.copyOf(v);
        next[FAULTS] |= 1 << i;
        next[BUDGET] += 1;
        this.dropUnreachable(next);
        emit(encodeAction(ActionKind.Crash, i, 0), next);
      }
      if (isCrashed && restartsUsed < restarts) {
        const next = this.copyOf(v);
        next[FAULTS] &= ~(1 << i);
        next[BUDGET] += 1 << 8;
        this.setLocal(next, i, this.restarted(i, this.local(v, i)));
        emit(encodeAction(ActionKind.Restart, i, 0), next);
      }
    }

    const side = v[FAULTS] >>> 16;
    if (side !== 0) {
      const next = this.copyOf(v);
      next[FAULTS] &= 0xffff;
      emit(encodeAction(ActionKind.Heal, 0, 0), next);
    } else if (partitionsUsed < partitions) {
      // Side B never contains actor 0, so each cut is generated once.
      for (let mask = 2; mask < 1 << this.n; mask += 2) {
        if (mask & this.environmentMask) continue; // the environment is never cut off
        const next = this.copyOf(v);
        next[FAULTS] |= mask << 16;
        next[BUDGET] += 1 << 16;
        this.dropUnreachable(next);
        emit(encodeAction(ActionKind.Partition, 0, mask), next);
      }
    }

    if (this.spec.network.kind === 'multiset') {
      const { loss, duplicate } = this.spec.network;
      const dupsUsed = v[DUPS];
      this.forEachPresent(v, (e) => {
        if (lossUsed < loss) {
          const next = this.copyOf(v);
          this.removeCopy(next, e);
          next[BUDGET] += 1 << 24;
          emit(encodeAction(ActionKind.Lose, 0, e), next);
        }
        if (dupsUsed < duplicate && this.copies(v, e) < MAX_COPIES) {
          const next = this.copyOf(v);
          this.addCopy(next, e);
          next[DUPS] += 1;
          emit(encodeAction(ActionKind.Duplicate, 0, e), next);
        }
      });
    }
  }

  /** Local state after a restart: the machine's own `restart` handling, or its initial state. */
  private restarted(i: number, local: number): number {
    const event = this.internEvent(i, '{"type":"restart"}', () => ({ type: 'restart' }));
    const r = this.step(i, local, event);
    return r >= 0 ? this.localStep(r).next : this.internLocal(i, this.initialSnapshots[i]);
  }

  // ------------------------------------------------------------------ checkpoints

  /** The interning tables, in id order: encoded states only mean something with them. */
  exportTables(since?: TableSizes): InternTables {
    const from = since ?? { locals: this.localTables.map(() => 0), events: this.eventTables.map(() => 0), entries: 0 };
    return {
      system: this.spec.name,
      start: from,
      locals: this.localTables.map((t, i) => t.values.slice(from.locals[i]).map((s) => ({ value: s.value, context: s.context }))),
      events: this.eventTables.map((t, i) => t.values.slice(from.events[i]).map((event, k) => ({ key: t.keys[from.events[i] + k], event }))),
      entries: this.entries.values.slice(from.entries).map((e) => ({ from: e.fromIndex, envelope: e.envelope })),
    };
  }

  /** How many values each shared table holds: where a later `exportTables(since)` starts. */
  tableSizes(): TableSizes {
    return { locals: this.localTables.map((t) => t.size), events: this.eventTables.map((t) => t.size), entries: this.entries.size };
  }

  /**
   * Re-interns saved tables in their order so saved vectors decode the same way. Ids this
   * system assigned already (its initial states) must agree with the saved ones. `t` may
   * be a delta (`exportTables(since)`): its values then start at `t.start`.
   */
  importTables(t: InternTables): void {
    if (t.system !== this.spec.name) throw new Error(`checkpoint is of ${t.system}, not ${this.spec.name}`);
    const mismatch = (what: string, id: number) => new Error(`checkpoint does not match this model: ${what} ${id} differs`);
    const start = t.start ?? { locals: t.locals.map(() => 0), events: t.events.map(() => 0), entries: 0 };
    const tables = [...this.localTables, ...this.eventTables, this.entries];
    const frozen = tables.map((x) => x.frozen);
    tables.forEach((x) => { x.frozen = false; });
    try {
      t.locals.forEach((locals, i) => locals.forEach(({ value, context }, k) => {
        const snapshot = this.spec.actors[i].machine.resolveState({ value: value as StateValue, context });
        if (this.internLocal(i, snapshot) !== start.locals[i] + k) throw mismatch(`local state of ${this.actorId(i)}`, start.locals[i] + k);
      }));
      t.events.forEach((events, i) => events.forEach(({ key, event }, k) => {
        if (this.internEvent(i, key, () => event) !== start.events[i] + k) throw mismatch(`event of ${this.actorId(i)}`, start.events[i] + k);
      }));
      t.entries.forEach(({ from, envelope }, k) => {
        if (this.entries.intern(canonicalJson(envelope), () => this.makeEntry(from, envelope)) !== start.entries + k) throw mismatch('message', start.entries + k);
      });
    } finally {
      tables.forEach((x, k) => { x.frozen = frozen[k]; });
    }
  }

  /** Makes this system a replica: it may compute with the ids it has, never create one. */
  freeze(): void {
    for (const t of [...this.localTables, ...this.eventTables, this.entries]) t.frozen = true;
  }

  // ------------------------------------------------------------------ views

  view(v: Uint32Array): StateView {
    const actors: ActorView[] = this.spec.actors.map((a, i) => ({
      id: a.id,
      role: a.role,
      snapshot: this.localTables[i].values[this.local(v, i)],
      crashed: this.crashed(v, i),
    }));
    const messages: (Envelope & { count: number })[] = [];
    this.forEachPresent(v, (e) => messages.push({ ...this.entries.values[e].envelope, count: this.copies(v, e) }));
    const side = v[FAULTS] >>> 16;
    return {
      actors,
      actor: (id) => {
        const a = actors[this.actorIndex.get(id) ?? -1];
        if (!a) throw new Error(`no actor ${id}`);
        return a;
      },
      messages,
      partition: side === 0 ? null : actors.map((_, i) => (side >>> i) & 1),
      faultsUsed: {
        crashes: v[BUDGET] & 0xff,
        restarts: (v[BUDGET] >>> 8) & 0xff,
        partitions: (v[BUDGET] >>> 16) & 0xff,
        losses: v[BUDGET] >>> 24,
        duplicates: v[DUPS],
      },
    };
  }
}
