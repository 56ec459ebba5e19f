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
import { type AnyMachineSnapshot, type EventObject } from 'xstate';
import { Interner } from './intern.ts';
import type { Envelope, StateView, SystemSpec } from './spec.ts';
export declare const enum ActionKind {
    Deliver = 0,
    Offer = 1,
    Crash = 2,
    Restart = 3,
    Partition = 4,
    Heal = 5,
    Lose = 6,
    Duplicate = 7
}
/** A step, decoded: which actor did what. */
export interface Action {
    kind: ActionKind;
    actor: number;
    /** Message entry (deliver, lose, duplicate), event id (offer), or side-B mask (partition). */
    arg: number;
}
export declare const encodeAction: (kind: ActionKind, actor: number, arg: number) => number;
export declare function decodeAction(code: number): Action;
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
    locals: {
        value: unknown;
        context: unknown;
    }[][];
    events: {
        key: string;
        event: EventObject;
    }[][];
    entries: {
        from: number;
        envelope: Envelope;
    }[];
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
    recipients: {
        actor: number;
        event: number;
    }[];
}
export declare class ComposedSystem {
    readonly spec: SystemSpec;
    readonly n: number;
    readonly localTables: Interner<AnyMachineSnapshot>[];
    readonly eventTables: Interner<EventObject>[];
    readonly entries: Interner<Entry>;
    /** Per actor: memoized step results, dense by (local id, event id); -2 = not computed. */
    private memoTables;
    private memoLocals;
    private memoEvents;
    private readonly steps;
    private readonly byFromType;
    private readonly actorIndex;
    /** Actors marked `environment` (never crashed, never on side B of a partition). */
    private readonly environmentMask;
    /** Connection semantics (see NetworkSpec): unreachable messages are dropped. */
    private readonly connections;
    /** Per network entry (multiset): the index of its one recipient. */
    private readonly entryTarget;
    private readonly initialSnapshots;
    private readonly initialVector;
    private readonly isSet;
    private readonly perWord;
    readonly netOffset: number;
    constructor(spec: SystemSpec);
    /** Words in an encoded state, now; grows as messages are interned. */
    get width(): number;
    private widthEntries;
    private cachedWidth;
    initial(): Uint32Array;
    actorId(index: number): string;
    local(v: Uint32Array, i: number): number;
    setLocal(v: Uint32Array, i: number, id: number): void;
    crashed(v: Uint32Array, i: number): boolean;
    /** Copies of entry `e` in state `v` (0 or 1 for a set network). */
    copies(v: Uint32Array, e: number): number;
    addCopy(v: Uint32Array, e: number): void;
    /** Sets in `mask` (network words only) every bit that encodes entry `e`. */
    markEntry(mask: Uint32Array, e: number): void;
    private removeCopy;
    /** Calls `f` for each entry present in `v`. */
    forEachPresent(v: Uint32Array, f: (e: number) => void): void;
    internLocal(i: number, s: AnyMachineSnapshot): number;
    internEvent(i: number, key: string, make: () => EventObject): number;
    private emittedOf;
    /** Interns the network entries for a send: one for a set network, one per recipient otherwise. */
    private internSends;
    /** The id of a message in flight, interning it if new. */
    internEnvelope(envelope: Envelope): number;
    indexOf(actorId: string): number | undefined;
    private makeEntry;
    /** The memoized result of actor `i` in local state `local` taking event `event`, or -1 if disabled. */
    step(i: number, local: number, event: number): number;
    private computeStep;
    /** Stores a step result, growing the actor's table (doubling) when ids outgrew it. */
    private remember;
    localStep(result: number): LocalStep;
    private scratch;
    /** A copy of `v`, widened to the current width, in a reusable buffer. */
    private copyOf;
    /** Applies local step `r` of actor `i` to a copy of `v`; the copy is valid until the next call. */
    private applied;
    /** Connection semantics: whether a message from `from` can reach `to` in state `v`. */
    private reachable;
    /** Connection semantics: drops every message in flight that can no longer arrive. */
    private dropUnreachable;
    /**
     * Calls `emit(action, next)` for every successor of `v`. `next` is a scratch buffer,
     * valid only during the call.
     */
    successors(v: Uint32Array, emit: (action: number, next: Uint32Array) => void): void;
    /**
     * For actor `i` in local state `local`: which messages enable a step (a mask over the
     * network words) and the step each one takes. Extended lazily as messages are interned,
     * so the hot loop never looks at messages that cannot move the actor.
     */
    private deliveries;
    private readonly deliveryTables;
    private extendDeliveries;
    /**
     * Offers memoized per actor and local state: `fixed` when they read no message, `memo`
     * keyed by the presence bits of the messages they read (through selectors), `live` when
     * they read the whole state.
     */
    private readonly offerCache;
    private readonly selectors;
    private reading;
    private offered;
    /** Which messages of the selectors are present in `v`, as an exact key. */
    private presenceKey;
    /** A selector with every matching message interned so far. */
    private refreshedSelector;
    private computeOffers;
    private faultSuccessors;
    /** Local state after a restart: the machine's own `restart` handling, or its initial state. */
    private restarted;
    /** The interning tables, in id order: encoded states only mean something with them. */
    exportTables(since?: TableSizes): InternTables;
    /** How many values each shared table holds: where a later `exportTables(since)` starts. */
    tableSizes(): TableSizes;
    /**
     * Re-interns saved tables in their order so saved vectors decode the same way. Ids this
     * system assigned already (its initial states) must agree with the saved ones. `t` may
     * be a delta (`exportTables(since)`): its values then start at `t.start`.
     */
    importTables(t: InternTables): void;
    /** Makes this system a replica: it may compute with the ids it has, never create one. */
    freeze(): void;
    view(v: Uint32Array): StateView;
}
export {};
