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
import { initialTransition, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
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
  private readonly memo: Map<number, number>[];
  private readonly steps: (LocalStep | null)[] = [];
  private readonly byFromType = new Map<string, number[]>();
  private readonly actorIndex = new Map<string, number>();
  private readonly initialSnapshots: AnyMachineSnapshot[];
  private readonly initialVector: Uint32Array;
  private readonly isSet: boolean;
  private readonly perWord: number;
  readonly netOffset: number;

  constructor(readonly spec: SystemSpec) {
    this.n = spec.actors.length;
    if (this.n > MAX_ACTORS) throw new Error(`at most ${MAX_ACTORS} actors are supported, got ${this.n}`);
    spec.actors.forEach((a, i) => this.actorIndex.set(a.id, i));
    this.localTables = spec.actors.map(() => new Interner<AnyMachineSnapshot>());
    this.eventTables = spec.actors.map(() => new Interner<EventObject>());
    this.memo = spec.actors.map(() => new Map());
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
    return this.netOffset + Math.ceil(this.entries.size / this.perWord);
  }

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

  private setLocal(v: Uint32Array, i: number, id: number): void {
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

  private addCopy(v: Uint32Array, e: number): void {
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

  private internLocal(i: number, s: AnyMachineSnapshot): number {
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
    const key = `${fromIndex}|${envelope.msg.type}`;
    const list = this.byFromType.get(key) ?? [];
    list.push(this.entries.size);
    this.byFromType.set(key, list);
    return entry;
  }

  // ------------------------------------------------------------------ local steps

  /** The memoized result of actor `i` in local state `local` taking event `event`, or -1 if disabled. */
  step(i: number, local: number, event: number): number {
    const key = local * 0x200000 + event;
    const memo = this.memo[i];
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const before = this.localTables[i].values[local];
    const [after, actions] = transition(this.spec.actors[i].machine, before, this.eventTables[i].values[event]);
    let result = -1;
    if (after !== before) {
      const emitted = this.emittedOf(actions);
      const sends: number[] = [];
      for (const e of emitted) if (e.type === 'send') sends.push(...this.internSends(i, e as unknown as Envelope));
      result = this.steps.length;
      this.steps.push({ next: this.internLocal(i, after), sends: Int32Array.from(sends), emitted });
    }
    memo.set(key, result);
    return result;
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
    this.scratch.set(v.length <= w ? v : v.subarray(0, w));
    if (v.length < w) this.scratch.fill(0, v.length);
    return this.scratch;
  }

  /** Applies local step `r` of actor `i` to a copy of `v`; the copy is valid until the next call. */
  private applied(v: Uint32Array, i: number, r: number, consumed = -1): Uint32Array {
    const s = this.steps[r] as LocalStep;
    // Interning during `step` may have widened the encoding; copy after it.
    const next = this.copyOf(v);
    this.setLocal(next, i, s.next);
    if (consumed >= 0 && !this.isSet) this.removeCopy(next, consumed);
    for (let k = 0; k < s.sends.length; k++) this.addCopy(next, s.sends[k]);
    return next;
  }

  private connected(v: Uint32Array, a: number, b: number): boolean {
    const side = v[FAULTS] >>> 16;
    return ((side >>> a) & 1) === ((side >>> b) & 1);
  }

  /**
   * Calls `emit(action, next)` for every successor of `v`. `next` is a scratch buffer,
   * valid only during the call.
   */
  successors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void {
    const { n } = this;
    const crashedMask = v[FAULTS] & 0xffff;

    // Deliveries.
    this.forEachPresent(v, (e) => {
      const entry = this.entries.values[e];
      for (const { actor, event } of entry.recipients) {
        if ((crashedMask >>> actor) & 1) continue;
        if (!this.connected(v, entry.fromIndex, actor)) continue;
        const r = this.step(actor, this.local(v, actor), event);
        if (r >= 0) emit(encodeAction(ActionKind.Deliver, actor, e), this.applied(v, actor, r, e));
      }
    });

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

  private offered(v: Uint32Array, i: number, local: number): number[] {
    const out: number[] = [];
    const ctx: OfferContext = {
      actor: i,
      snapshot: this.localTables[i].values[local],
      present: (from, type) => {
        const list = this.byFromType.get(`${from}|${type}`) ?? [];
        const found: { entry: number; envelope: Envelope }[] = [];
        for (const e of list) if (this.copies(v, e) > 0) found.push({ entry: e, envelope: this.entries.values[e].envelope });
        return found;
      },
      offer: (key, make) => out.push(this.internEvent(i, key, make)),
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
      if (!isCrashed && crashesUsed < crashes) {
        const next = this.copyOf(v);
        next[FAULTS] |= 1 << i;
        next[BUDGET] += 1;
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
        const next = this.copyOf(v);
        next[FAULTS] |= mask << 16;
        next[BUDGET] += 1 << 16;
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
    };
  }
}
