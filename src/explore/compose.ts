/**
 * Turns a SystemSpec into an explicit transition system over compact integer vectors.
 *
 * Each actor's local snapshot is interned to a small id once, and each local transition
 * (local id, event id) -> (next id, messages sent) is computed by XState's pure
 * `transition` once and memoized. The explorer then works on vectors of words, laid out
 * by state-layout.ts (faults, fault budget, local state ids, then the network).
 *
 * The network part grows as new messages are interned; fingerprints ignore trailing zero
 * words, so a state's fingerprint does not change when the encoding widens.
 *
 * Successors are emitted as numeric step codes (step.ts); `decodeStep` turns a code into
 * a typed `Step` for describing or driving, and `next` follows one step without
 * enumerating the others. Environment offers are memoized by offer-cache.ts.
 *
 * Past 400 lines because interning, the local-step memo, successors and the checkpoint
 * tables share the interners and memo tables, which no other file may read.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type EventObject, type StateValue } from 'xstate';
import { canonicalJson } from './canonical.ts';
import { Interner } from './intern.ts';
import { OfferCache } from './offer-cache.ts';
import type { ActorView, Envelope, StateView, SystemSpec } from './spec.ts';
import { MAX_COPIES, MAX_LOCALS, StateLayout } from './state-layout.ts';
import { ActionKind, actionFields, decodeStep, describeStep, encodeAction, MAX_STEP_ARG, type Step } from './step.ts';
import { UserError } from '../../conformance/schema/user-error.ts';

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
  /** The mask's words [first, end) hold every set bit (an actor that receives nothing: none). */
  first: number;
  end: number;
}

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
  /** Where each part of an encoded state lives. */
  readonly layout: StateLayout;
  private readonly localTables: Interner<AnyMachineSnapshot>[];
  private readonly eventTables: Interner<EventObject>[];
  private readonly entries = new Interner<Entry>();
  /** Per actor: memoized step results, dense by (local id, event id); -2 = not computed. */
  private memoTables: Int32Array[];
  private memoLocals: number[];
  private memoEvents: number[];
  private readonly steps: (LocalStep | null)[] = [];
  private readonly byFromType = new Map<string, number[]>();
  private readonly actorIndex = new Map<string, number>();
  private readonly ids: readonly string[];
  /** Actors marked `environment` (never crashed, never on side B of a partition). */
  private readonly environmentMask: number;
  /** Connection semantics (see NetworkSpec): unreachable messages are dropped. */
  private readonly connections: boolean;
  /** Per network entry (multiset): the index of its one recipient. */
  private readonly entryTarget: number[] = [];
  private readonly initialSnapshots: AnyMachineSnapshot[];
  private readonly initialVector: Uint32Array;
  private readonly offers: OfferCache;
  // Copies of layout fields, read in the successor loop.
  private readonly isSet: boolean;
  private readonly perWord: number;
  private readonly netOffset: number;

  constructor(readonly spec: SystemSpec) {
    this.n = spec.actors.length;
    this.isSet = spec.network.kind === 'set';
    this.layout = new StateLayout(this.n, this.isSet);
    this.perWord = this.layout.perWord;
    this.netOffset = this.layout.netOffset;
    this.ids = spec.actors.map((a) => a.id);
    spec.actors.forEach((a, i) => this.actorIndex.set(a.id, i));
    this.environmentMask = spec.actors.reduce((m, a, i) => (a.environment ? m | (1 << i) : m), 0);
    this.connections = spec.network.kind === 'multiset' && spec.network.connections === true;
    this.localTables = spec.actors.map(() => new Interner<AnyMachineSnapshot>());
    this.eventTables = spec.actors.map(() => new Interner<EventObject>());
    this.memoTables = spec.actors.map(() => new Int32Array(64).fill(-2));
    this.memoLocals = spec.actors.map(() => 8);
    this.memoEvents = spec.actors.map(() => 8);
    this.offers = new OfferCache(this);

    const locals: number[] = [];
    const sends: number[] = [];
    this.initialSnapshots = spec.actors.map((a, i) => {
      const [snapshot, actions] = initialTransition(a.machine, a.input);
      locals.push(this.internLocal(i, snapshot));
      for (const e of this.emittedOf(actions)) if (e.type === 'send') sends.push(...this.internSends(i, e as unknown as Envelope));
      return snapshot;
    });
    const v = new Uint32Array(this.width);
    locals.forEach((id, i) => this.layout.setLocal(v, i, id));
    for (const e of sends) this.addCopy(v, e);
    this.initialVector = v;
  }

  /** Words in an encoded state, now; grows as messages are interned. */
  get width(): number {
    if (this.widthEntries !== this.entries.size) {
      this.widthEntries = this.entries.size;
      this.cachedWidth = this.layout.width(this.entries.size);
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
    return this.ids[index];
  }

  actorIds(): readonly string[] {
    return this.ids;
  }

  // ------------------------------------------------------------------ tables

  /** The snapshot interned as local state `local` of actor `i`. */
  snapshot(i: number, local: number): AnyMachineSnapshot {
    return this.localTables[i].values[local];
  }

  /** The event interned as `eventId` for actor `i`. */
  event(i: number, eventId: number): EventObject {
    return this.eventTables[i].values[eventId];
  }

  /** How many messages (network entries) are interned. */
  entryCount(): number {
    return this.entries.size;
  }

  envelope(entry: number): Envelope {
    return this.entries.values[entry].envelope;
  }

  /** Index of the actor that sent message `entry`. */
  senderOf(entry: number): number {
    return this.entries.values[entry].fromIndex;
  }

  /** The actors message `entry` is delivered to, with the event id each receives. */
  recipients(entry: number): readonly { actor: number; event: number }[] {
    return this.entries.values[entry].recipients;
  }

  recipientEvent(entry: number, actor: number): number {
    for (const r of this.entries.values[entry].recipients) if (r.actor === actor) return r.event;
    return -1;
  }

  /** Ids of the messages actor `from` sent with type `type`, in interning order. */
  sentBy(from: number, type: string): readonly number[] | undefined {
    return this.byFromType.get(`${from}|${type}`);
  }

  /** Copies of message `entry` in state `v`. */
  copies(v: Uint32Array, entry: number): number {
    return this.layout.copies(v, entry);
  }

  /** Adds a copy of message `entry` to `v`; a multiset holds at most MAX_COPIES. */
  addCopy(v: Uint32Array, e: number): void {
    if (!this.layout.addCopy(v, e)) this.tooManyCopies(e);
  }

  /** Off the hot path, so `applied` stays small enough to inline the layout's addCopy. */
  private tooManyCopies(e: number): never {
    throw new UserError(`more than ${MAX_COPIES} copies of one message in flight (${JSON.stringify(this.entries.values[e].envelope)}): the model sends without bound; bound its sends or use network kind 'set'`, { field: 'system' });
  }

  // ------------------------------------------------------------------ steps

  /** The typed step a code (as `successors` emits it) stands for. */
  decodeStep(code: number): Step {
    return decodeStep(this, code);
  }

  // ------------------------------------------------------------------ interning

  internLocal(i: number, s: AnyMachineSnapshot): number {
    const id = this.localTables[i].intern(canonicalJson([s.value, s.context, s.status]), () => s);
    if (id > MAX_LOCALS) throw new UserError(`actor ${this.actorId(i)} has more than ${MAX_LOCALS} local states: its context grows without bound, or the system is too large to search exhaustively`, { field: 'system' });
    return id;
  }

  internEvent(i: number, key: string, make: () => EventObject): number {
    const id = this.eventTables[i].intern(key, make);
    if (id >= MAX_STEP_ARG) throw new UserError(`actor ${this.actorId(i)} receives more than ${MAX_STEP_ARG} distinct events: the system is too large to search exhaustively`, { field: 'system' });
    return id;
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
    if (from === undefined) throw new UserError(`a message from ${envelope.from}, which is not an actor of the system`, { field: 'system' });
    return this.entries.intern(canonicalJson(envelope), () => this.makeEntry(from, envelope));
  }

  indexOf(actorId: string): number | undefined {
    return this.actorIndex.get(actorId);
  }

  private makeEntry(fromIndex: number, envelope: Envelope): Entry {
    if (this.entries.size >= MAX_STEP_ARG) throw new UserError(`more than ${MAX_STEP_ARG} distinct messages: the system is too large to search exhaustively`, { field: 'system' });
    const recipients: Entry['recipients'] = [];
    for (const id of envelope.to) {
      const actor = this.actorIndex.get(id);
      if (actor === undefined) throw new UserError(`${envelope.from} sent ${envelope.msg.type} to ${id}, which is not an actor of the system`, { field: 'system' });
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
    this.layout.setLocal(next, i, s.next);
    if (consumed >= 0 && !this.isSet) this.layout.removeCopy(next, consumed);
    for (let k = 0; k < s.sends.length; k++) {
      if (this.connections && !this.reachable(next, i, this.entryTarget[s.sends[k]])) continue;
      if (!this.layout.addCopy(next, s.sends[k])) this.tooManyCopies(s.sends[k]);
    }
    return next;
  }

  /**
   * Whether local step `r` of actor `i`, in local state `local`, leaves `v` as it is (a set
   * network): the same local state, and every message it sends present already or dropped.
   * About a third of Paxos.tla's steps are such self-loops; `successors` emits `v` itself
   * for them, sparing a copy, and its consumers spot them by identity instead of by diff.
   */
  private keepsState(v: Uint32Array, i: number, local: number, r: number): boolean {
    const s = this.steps[r] as LocalStep;
    if (s.next !== local) return false;
    for (let k = 0; k < s.sends.length; k++) {
      const e = s.sends[k];
      if (this.connections && !this.reachable(v, i, this.entryTarget[e])) continue;
      if (this.layout.copies(v, e) === 0) return false;
    }
    return true;
  }

  /** Connection semantics: whether a message from `from` can reach `to` in state `v`. */
  private reachable(v: Uint32Array, from: number, to: number): boolean {
    return !this.layout.crashed(v, to) && this.layout.connected(v, from, to);
  }

  /** Connection semantics: drops every message in flight that can no longer arrive. */
  private dropUnreachable(v: Uint32Array): void {
    if (!this.connections) return;
    this.layout.forEachPresent(v, (e) => {
      if (!this.reachable(v, this.entries.values[e].fromIndex, this.entryTarget[e])) this.layout.clear(v, e);
    });
  }

  /**
   * Calls `emit(code, next)` for every successor of `v`, with the step's code (step.ts).
   * `next` is read-only and valid only during the call: a scratch buffer, or `v` itself
   * when the step changes nothing (`keepsState`), possibly narrower than `width`.
   */
  successors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    const { n, layout } = this;
    const crashedMask = layout.crashedMask(v);

    const side = layout.side(v);
    // Deliveries: per live actor, the present messages that enable a step in its local
    // state (present words AND the actor's enabling mask), skipping cut links.
    const off = this.netOffset;
    for (let i = 0; i < n; i++) {
      if ((crashedMask >>> i) & 1) continue;
      const local = layout.local(v, i);
      const d = this.deliveries(i, local);
      const words = Math.min(d.end, v.length - off);
      for (let w = d.first; w < words; w++) {
        let bits = v[off + w] & d.mask[w];
        // Only the enabled entries, in entry order (a multiset's 4-bit count field is found
        // by its lowest set bit, then cleared whole): most words enable one or two.
        while (bits !== 0) {
          const bit = 31 - Math.clz32(bits & -bits);
          const k = this.isSet ? bit : bit >>> 2;
          bits &= this.isSet ? bits - 1 : ~(0xf << (k * 4));
          const e = w * this.perWord + k;
          if (side !== 0 && ((side >>> this.entries.values[e].fromIndex) & 1) !== ((side >>> i) & 1)) continue;
          const r = d.results[e];
          emit(encodeAction(ActionKind.Deliver, i, e), this.isSet && this.keepsState(v, i, local, r) ? v : this.applied(v, i, r, e));
        }
      }
    }

    // Environment offers.
    if (this.spec.offers) {
      for (let i = 0; i < n; i++) {
        if ((crashedMask >>> i) & 1) continue;
        const local = layout.local(v, i);
        for (const event of this.offers.offered(v, i, local)) {
          const r = this.step(i, local, event);
          if (r >= 0) emit(encodeAction(ActionKind.Offer, i, event), this.applied(v, i, r));
        }
      }
    }

    this.faultSuccessors(v, emit);
  }

  /**
   * The successor of `v` by the step with this code, as `successors` would emit it, computed
   * alone (the driver follows one step, it need not enumerate them all). A fresh array.
   * Throws if the step is not enabled in `v`.
   */
  next(v: Uint32Array, code: number): Uint32Array {
    const next = this.successorBy(v, code);
    if (next === null) throw new Error(`step "${describeStep(this.decodeStep(code))}" is not enabled in this state`);
    return next.slice();
  }

  /** `next`, or null when the step is disabled; the result is the scratch buffer. */
  private successorBy(v: Uint32Array, code: number): Uint32Array | null {
    const { kind, actor: i, arg } = actionFields(code);
    const { layout } = this;
    const live = i < this.n && !layout.crashed(v, i);
    this.fillBudgetLeft(v);
    switch (kind) {
      case ActionKind.Deliver: {
        if (!live || arg >= this.entries.size || layout.copies(v, arg) === 0) return null;
        if (!layout.connected(v, this.entries.values[arg].fromIndex, i)) return null;
        const event = this.recipientEvent(arg, i);
        const r = event < 0 ? -1 : this.step(i, layout.local(v, i), event);
        return r < 0 ? null : this.applied(v, i, r, arg);
      }
      case ActionKind.Offer: {
        if (!live || !this.spec.offers) return null;
        const local = layout.local(v, i);
        if (!this.offers.offered(v, i, local).includes(arg)) return null;
        const r = this.step(i, local, arg);
        return r < 0 ? null : this.applied(v, i, r);
      }
      case ActionKind.Crash: return live ? this.crash(v, i) : null;
      case ActionKind.Restart: return i < this.n && !live ? this.restart(v, i) : null;
      case ActionKind.Heal: return this.heal(v);
      case ActionKind.Partition: return this.partition(v, arg);
      case ActionKind.Lose: return arg < this.entries.size && layout.copies(v, arg) > 0 ? this.lose(v, arg) : null;
      case ActionKind.Duplicate: return arg < this.entries.size && layout.copies(v, arg) > 0 ? this.duplicate(v, arg) : null;
      default: return null;
    }
  }

  /**
   * For actor `i` in local state `local`: which messages enable a step (a mask over the
   * network words) and the step each one takes. Extended lazily as messages are interned,
   * so the hot loop never looks at messages that cannot move the actor.
   */
  private deliveries(i: number, local: number): Deliveries {
    const table = (this.deliveryTables[i] ??= []);
    let d = table[local];
    if (d === undefined) table[local] = d = { mask: new Uint32Array(0), results: new Int32Array(0), seen: 0, first: 0, end: 0 };
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
        const event = this.recipientEvent(e, i);
        if (event < 0) continue;
        const r = this.step(i, local, event);
        if (r < 0) continue;
        d.results[e] = r;
        this.layout.markEntry(d.mask, e);
      }
      d.seen = size;
    }
    let end = d.mask.length;
    while (end > 0 && d.mask[end - 1] === 0) end--;
    let first = 0;
    while (first < end && d.mask[first] === 0) first++;
    d.first = first;
    d.end = end;
  }

  // ------------------------------------------------------------------ faults
  // Each returns the successor in the scratch buffer, or null when the state or the budget
  // left (`fillBudgetLeft`, read once per state) rules it out; `successors` and `next` share them.

  /** Faults the state being expanded may still use, per kind. */
  private readonly left = { crashes: 0, restarts: 0, partitions: 0, losses: 0, duplicates: 0 };

  private fillBudgetLeft(v: Uint32Array): void {
    const { layout, left } = this;
    const { faults, network } = this.spec;
    left.crashes = faults.crashes - layout.used(v, 'crashes');
    left.restarts = faults.restarts - layout.used(v, 'restarts');
    left.partitions = faults.partitions - layout.used(v, 'partitions');
    left.losses = network.kind === 'multiset' ? network.loss - layout.used(v, 'losses') : 0;
    left.duplicates = network.kind === 'multiset' ? network.duplicate - layout.used(v, 'duplicates') : 0;
  }

  private crash(v: Uint32Array, i: number): Uint32Array | null {
    if (this.left.crashes <= 0 || this.spec.actors[i].environment) return null;
    const next = this.copyOf(v);
    this.layout.setCrashed(next, i, true);
    this.layout.spend(next, 'crashes');
    this.dropUnreachable(next);
    return next;
  }

  private restart(v: Uint32Array, i: number): Uint32Array | null {
    if (this.left.restarts <= 0) return null;
    const local = this.restarted(i, this.layout.local(v, i));
    const next = this.copyOf(v);
    this.layout.setCrashed(next, i, false);
    this.layout.spend(next, 'restarts');
    this.layout.setLocal(next, i, local);
    return next;
  }

  private heal(v: Uint32Array): Uint32Array | null {
    if (this.layout.side(v) === 0) return null;
    const next = this.copyOf(v);
    this.layout.setSide(next, 0);
    return next;
  }

  /** Cuts off side B = `mask`; it never contains actor 0 (so each cut is one step) nor the environment. */
  private partition(v: Uint32Array, mask: number): Uint32Array | null {
    if (this.left.partitions <= 0 || this.layout.side(v) !== 0) return null;
    if (mask & 1 || mask & this.environmentMask || mask === 0 || mask >= 1 << this.n) return null;
    const next = this.copyOf(v);
    this.layout.setSide(next, mask);
    this.layout.spend(next, 'partitions');
    this.dropUnreachable(next);
    return next;
  }

  private lose(v: Uint32Array, e: number): Uint32Array | null {
    if (this.left.losses <= 0) return null;
    const next = this.copyOf(v);
    this.layout.removeCopy(next, e);
    this.layout.spend(next, 'losses');
    return next;
  }

  private duplicate(v: Uint32Array, e: number): Uint32Array | null {
    if (this.left.duplicates <= 0 || this.layout.copies(v, e) >= MAX_COPIES) return null;
    const next = this.copyOf(v);
    this.addCopy(next, e);
    this.layout.spend(next, 'duplicates');
    return next;
  }

  private faultSuccessors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    const { faults, network } = this.spec;
    // Most systems allow no faults: skip them without reading the budget.
    if (faults.crashes === 0 && faults.restarts === 0 && faults.partitions === 0 && (network.kind === 'set' || (network.loss === 0 && network.duplicate === 0))) return;
    this.fillBudgetLeft(v);
    const { left } = this;
    const crashedMask = this.layout.crashedMask(v);
    if (left.crashes > 0 || left.restarts > 0) {
      for (let i = 0; i < this.n; i++) {
        const isCrashed = (crashedMask >>> i) & 1;
        const next = isCrashed ? this.restart(v, i) : this.crash(v, i);
        if (next !== null) emit(encodeAction(isCrashed ? ActionKind.Restart : ActionKind.Crash, i, 0), next);
      }
    }

    if (this.layout.side(v) !== 0) {
      emit(encodeAction(ActionKind.Heal, 0, 0), this.heal(v)!);
    } else if (left.partitions > 0) {
      for (let mask = 2; mask < 1 << this.n; mask += 2) {
        const next = this.partition(v, mask);
        if (next !== null) emit(encodeAction(ActionKind.Partition, 0, mask), next);
      }
    }

    if (left.losses > 0 || left.duplicates > 0) this.messageFaultSuccessors(v, emit);
  }

  /**
   * Losing and duplicating each message in flight. Apart from `faultSuccessors`, which runs
   * for every state: a closure there capturing `v` and `emit` made V8 allocate a context on
   * every call, faults or not.
   */
  private messageFaultSuccessors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    this.layout.forEachPresent(v, (e) => {
      const lost = this.lose(v, e);
      if (lost !== null) emit(encodeAction(ActionKind.Lose, 0, e), lost);
      const dup = this.duplicate(v, e);
      if (dup !== null) emit(encodeAction(ActionKind.Duplicate, 0, e), dup);
    });
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

  /**
   * Message `e` with `count` copies as views list it: made once and frozen, since a search
   * builds a view for every state whose properties it evaluates.
   */
  private messageView(e: number, count: number): Envelope & { count: number } {
    const row = (this.messageViews[e] ??= []);
    return (row[count] ??= Object.freeze({ ...this.entries.values[e].envelope, count }));
  }

  private readonly messageViews: (Envelope & { count: number })[][] = [];

  view(v: Uint32Array): StateView {
    const { layout } = this;
    const actors: ActorView[] = this.spec.actors.map((a, i) => ({
      id: a.id,
      role: a.role,
      snapshot: this.localTables[i].values[layout.local(v, i)],
      crashed: layout.crashed(v, i),
    }));
    const messages: (Envelope & { count: number })[] = [];
    layout.forEachPresent(v, (e) => messages.push(this.messageView(e, layout.copies(v, e))));
    const side = layout.side(v);
    return {
      actors,
      actor: (id) => {
        const a = actors[this.actorIndex.get(id) ?? -1];
        if (!a) throw new Error(`no actor ${id}`);
        return a;
      },
      messages,
      partition: side === 0 ? null : actors.map((_, i) => (side >>> i) & 1),
      faultsUsed: layout.faultsUsed(v),
    };
  }
}
