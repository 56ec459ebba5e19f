/**
 * What a system definition gives the explorer: actors (XState machines with inputs),
 * a network model, fault budgets, environment offers and properties. Everything here
 * is declarative; src/explore/compose.ts turns it into a transition system.
 */
import type { AnyStateMachine, AnyMachineSnapshot, EventObject } from 'xstate';
import type { TraceHeader } from '../../conformance/schema/trace.ts';

export interface ActorSpec {
  /** Node id, as it appears in traces. */
  id: string;
  role: string;
  machine: AnyStateMachine;
  input: unknown;
  /** Message types the network delivers to this actor; default: every message addressed to it. */
  receives?: readonly string[];
  /**
   * Not a node but part of the environment (a clock, a fault scheduler, a monitor): it
   * never crashes and is never cut off by a partition. Default false.
   */
  environment?: boolean;
}

/**
 * - set: Paxos.tla's network. A sent message stays forever; receiving it does not
 *   consume it; sending it again changes nothing. Loss and duplication are meaningless.
 * - multiset: point to point, any order. Delivery consumes one copy; the environment
 *   may lose or duplicate a message, each at most the given number of times per run.
 */
export type NetworkSpec =
  | { kind: 'set' }
  | {
    kind: 'multiset'; loss: number; duplicate: number;
    /**
     * Connection semantics (TCP): a message to a crashed actor, or between the two sides
     * of a partition, is lost — when sent, or when the crash or cut happens while it is
     * in flight — instead of waiting for a restart or heal. Costs no loss budget.
     */
    connections?: boolean;
  };

export interface FaultSpec {
  /** How many crashes (crash-stop, unless the machine handles `restart`) a run may contain. */
  crashes: number;
  /** How many restarts of crashed actors a run may contain (delivers `{ type: 'restart' }`). */
  restarts: number;
  /** How many times the network may be cut in two (healed by a `heal` step). */
  partitions: number;
}

/** A message in flight: the payload a machine emitted, with its sender and recipients. */
export interface Envelope {
  from: string;
  to: readonly string[];
  msg: { type: string } & Record<string, unknown>;
}

/** Read-only view of one global state, built lazily for properties and offers. */
export interface StateView {
  readonly actors: readonly ActorView[];
  actor(id: string): ActorView;
  /**
   * Messages in the network (set: present ones; multiset: with their copy counts). Each
   * is frozen and shared by every view that holds it: writing to one throws.
   */
  readonly messages: readonly Readonly<Envelope & { count: number }>[];
  /** The network side of each actor under a partition, or null when connected. */
  readonly partition: readonly number[] | null;
  /** Fault budget used so far on the path to this state (monitors use it to date faults). */
  readonly faultsUsed: FaultsUsed;
}

export interface FaultsUsed {
  crashes: number;
  restarts: number;
  partitions: number;
  losses: number;
  duplicates: number;
}

export interface ActorView {
  readonly id: string;
  readonly role: string;
  readonly snapshot: AnyMachineSnapshot;
  readonly crashed: boolean;
}

/** Environment events (timeouts, client requests, Phase2a choices) offered to one actor. */
export interface OfferContext {
  readonly actor: number;
  readonly snapshot: AnyMachineSnapshot;
  /**
   * Messages in the network sent by actor `from` with type `type` (and, if given, these
   * field values), present in this state. The explorer memoizes offers by exactly the
   * messages they read, so which messages offers ask about may depend on the actor's
   * local state but not on what earlier `present` calls found.
   */
  present(from: number, type: string, where?: Readonly<Record<string, string | number | null>>): readonly { entry: number; envelope: Envelope }[];
  /**
   * Offers an event. `key` identifies the event cheaply (built once per distinct key);
   * `make` builds it only the first time the key is seen.
   */
  offer(key: string, make: () => EventObject): void;
  /**
   * The whole global state, read-only: for environment actors whose offers depend on
   * other actors (a clock that advances only once every node has ticked). Offers that
   * call it are recomputed in every state.
   */
  view(): StateView;
}

export type Verdict = true | string;

/**
 * The part of a state a function reads: messages of these types, local states of actors
 * with these roles. Declaring it lets the explorer compute the function once per distinct
 * projection instead of once per state.
 */
export interface Projection {
  messageTypes: readonly string[];
  roles: readonly string[];
}

interface PropertyBase {
  name: string;
  description: string;
  /** What the property reads; omitted = the whole state (no memoization). */
  reads?: Projection;
}

export type Property =
  | (PropertyBase & { kind: 'invariant'; check(view: StateView): Verdict })
  | (PropertyBase & { kind: 'reachable'; reached(view: StateView): boolean });

/** Which steps weak fairness applies to (docs/liveness.md). */
export interface Fairness {
  /** A message that stays deliverable to an actor is delivered (default true). */
  deliver?: boolean;
  /** Offered event types (timeouts, client requests, clock steps) that are not ignored forever. */
  offers?: readonly string[];
}

/** A temporal property, judged on the whole explored graph under `Fairness` (src/explore/liveness.ts). */
export type LivenessProperty =
  | { kind: 'eventually'; name: string; description: string; holds(view: StateView): boolean }
  | { kind: 'leadsTo'; name: string; description: string; from(view: StateView): boolean; to(view: StateView): boolean };

export interface SystemSpec {
  name: string;
  actors: ActorSpec[];
  network: NetworkSpec;
  faults: FaultSpec;
  /** Environment events per actor, in the given state. */
  offers?(ctx: OfferContext): void;
  properties: Property[];
  /**
   * Groups of interchangeable names (actor ids of one role, or values): any renaming
   * within each group maps reachable states to reachable states and keeps every property's
   * verdict. Enables symmetry reduction.
   */
  symmetry?: readonly (readonly string[])[];
  /** The trace header a counterexample of this system carries. */
  traceHeader(): TraceHeader;
  /** Temporal properties, judged after a complete search without symmetry reduction. */
  liveness?: LivenessProperty[];
  /** The weak fairness the liveness properties assume. */
  fairness?: Fairness;
}

export const NO_FAULTS: FaultSpec = { crashes: 0, restarts: 0, partitions: 0 };
