/**
 * `defineSystem`: the typed front door to a SystemSpec for people checking their own
 * protocols. It fills in what a bundled model spells out by hand (no faults, a default
 * trace header), checks the shape once (unique actor ids, named properties) so a mistake
 * is one clear error instead of a failure deep in the explorer, and marks the result so
 * the CLI can tell a system from anything else a module exports.
 */
import type { AnyStateMachine } from 'xstate';
import type { TraceHeader } from '../../conformance/schema/trace.ts';
import { traceHeader } from '../../conformance/schema/header.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import type { Fairness, LivenessProperty } from '../explore/liveness.ts';
import type { ActorSpec, FaultSpec, NetworkSpec, OfferContext, Property, SystemSpec } from '../explore/spec.ts';
import { guarded } from './user-code.ts';
import { MAX_ACTORS } from '../explore/state-layout.ts';

/** An actor of a user system: like ActorSpec, with the machine's input type kept. */
export interface ActorDefinition<M extends AnyStateMachine = AnyStateMachine> {
  id: string;
  role: string;
  machine: M;
  input?: unknown;
  receives?: readonly string[];
  environment?: boolean;
}

export interface SystemDefinition {
  /** Shown in summaries and trace headers. */
  name: string;
  actors: readonly ActorDefinition[];
  /** Default: `{ kind: 'multiset', loss: 0, duplicate: 0 }` (point to point, any order, reliable). */
  network?: NetworkSpec;
  /** Default: no crashes, restarts or partitions. Missing fields are 0. */
  faults?: Partial<FaultSpec>;
  /** Environment events (timeouts, client requests) per actor and state. */
  offers?(ctx: OfferContext): void;
  properties: readonly Property[];
  /**
   * Temporal properties (`eventually`, `leadsTo`), judged on the whole explored graph
   * under weak fairness of the steps `fairness` names (see docs/liveness.md).
   */
  liveness?: readonly LivenessProperty[];
  /** Default: `{ deliver: true }` (a message that stays deliverable is delivered); offers are unfair unless named. */
  fairness?: Fairness;
  /**
   * Groups of interchangeable names; enables `symmetry: true` in `check`. A renaming sorts a
   * sorted list again (a set of names stays canonical), so keep an ordered sequence of names
   * (a queue) as an object keyed by position, not an array (docs/symmetry.md).
   */
  symmetry?: readonly (readonly string[])[];
  /**
   * The header a counterexample trace carries. Default: a `custom` protocol header naming
   * the system and its nodes (`coordkit verify --system FILE` replays it on the system).
   */
  traceHeader?(): TraceHeader;
}

/** What `defineSystem` returns: a SystemSpec, marked as built by it. */
export type DefinedSystem = SystemSpec & { liveness?: LivenessProperty[]; fairness?: Fairness; readonly [SYSTEM_MARK]: true };

/** The mark `isSystem` looks for (a registered symbol, so two copies of coordkit agree). */
export const SYSTEM_MARK: unique symbol = Symbol.for('coordkit.system') as never;

const shapeError = (system: string, message: string) => new UserError(message, { field: `system '${system}'` });

/**
 * Builds a checkable system from actors (XState machines), a network, faults and
 * properties.
 *
 * @example
 * ```ts
 * export default defineSystem({
 *   name: 'ping-pong',
 *   actors: [{ id: 'a', role: 'pinger', machine: pinger }, { id: 'b', role: 'ponger', machine: ponger }],
 *   properties: [invariant('no-overflow', 'counter stays below 3', (s) => s.actor('a').snapshot.context.n < 3 || 'overflow')],
 * });
 * ```
 * @throws UserError when actor ids repeat, a property has no name, or there are no actors.
 */
export function defineSystem(definition: SystemDefinition): DefinedSystem {
  const { name } = definition;
  if (typeof name !== 'string' || name === '') throw new UserError('a system needs a non-empty name', { field: 'name' });
  if (!Array.isArray(definition.actors) || definition.actors.length === 0) throw shapeError(name, 'a system needs at least one actor');
  // The explorer's state layout holds at most MAX_ACTORS (state-layout.ts): say so here, not as a stack trace mid-search.
  if (definition.actors.length > MAX_ACTORS) throw shapeError(name, `at most ${MAX_ACTORS} actors are supported (environment actors included), got ${definition.actors.length}`);
  const ids = new Set<string>();
  for (const a of definition.actors) {
    if (!a || typeof a.id !== 'string' || a.id === '') throw shapeError(name, 'every actor needs a non-empty id');
    if (ids.has(a.id)) throw shapeError(name, `actor id '${a.id}' is used twice`);
    if (!a.machine || typeof (a.machine as { transition?: unknown }).transition !== 'function') throw shapeError(name, `actor '${a.id}' has no XState machine`);
    ids.add(a.id);
  }
  for (const group of definition.symmetry ?? []) checkSymmetryGroup(name, group, definition.actors);
  const names = new Set<string>();
  for (const p of definition.properties ?? []) {
    if (!p || typeof p.name !== 'string' || p.name === '') throw shapeError(name, 'every property needs a name');
    if (names.has(p.name)) throw shapeError(name, `property name '${p.name}' is used twice`);
    names.add(p.name);
  }
  const actors: ActorSpec[] = definition.actors.map((a) => ({ ...a, input: a.input ?? {} }));
  const liveNames = new Set(names);
  for (const p of definition.liveness ?? []) {
    if (!p || typeof p.name !== 'string' || p.name === '' || liveNames.has(p.name)) throw shapeError(name, `liveness property name '${p?.name}' is missing or used twice`);
    liveNames.add(p.name);
  }
  const spec: SystemSpec & { liveness?: LivenessProperty[]; fairness?: Fairness } = {
    name,
    actors,
    network: definition.network ?? { kind: 'multiset', loss: 0, duplicate: 0 },
    faults: { crashes: 0, restarts: 0, partitions: 0, ...definition.faults },
    properties: definition.properties.map((p) => guardProperty(name, p)),
    ...(definition.offers ? { offers: guarded(name, 'offers', definition.offers) } : {}),
    ...(definition.symmetry ? { symmetry: definition.symmetry } : {}),
    ...(definition.liveness ? { liveness: definition.liveness.map((p) => guardLiveness(name, p)), fairness: definition.fairness ?? {} } : {}),
    traceHeader: definition.traceHeader ?? (() => customHeader(name, actors.filter((a) => !a.environment).map((a) => a.id))),
  };
  return Object.assign(spec, { [SYSTEM_MARK]: true as const });
}

/**
 * A symmetry group renames actors of one role among themselves, or names that are not actors
 * (values): a group mixing the two, or two roles, cannot be a symmetry, and the explorer would
 * fail mid-search on the renamed states (an unknown sender, a state another machine lacks).
 */
function checkSymmetryGroup(system: string, group: readonly string[], actors: readonly ActorDefinition[]): void {
  const members = actors.filter((a) => group.includes(a.id));
  const show = `[${group.join(', ')}]`;
  if (members.length > 0 && members.length < group.length) {
    throw shapeError(system, `symmetry group ${show} mixes actor ids with names that are not actors (${group.filter((n) => !members.some((a) => a.id === n)).join(', ')})`);
  }
  const roles = [...new Set(members.map((a) => a.role))];
  if (roles.length > 1) throw shapeError(system, `symmetry group ${show} mixes roles (${roles.join(', ')}): actors are interchangeable only within one role`);
}

/** The property, its callback reporting an exception as a mistake in the system (user-code.ts). */
function guardProperty(system: string, p: Property): Property {
  const what = `property '${p.name}'`;
  return p.kind === 'invariant' ? { ...p, check: guarded(system, what, p.check) } : { ...p, reached: guarded(system, what, p.reached) };
}

function guardLiveness(system: string, p: LivenessProperty): LivenessProperty {
  const what = `liveness property '${p.name}'`;
  return p.kind === 'eventually' ? { ...p, holds: guarded(system, what, p.holds) } : { ...p, from: guarded(system, what, p.from), to: guarded(system, what, p.to) };
}

/** True for anything `defineSystem` built, or a plain object with a SystemSpec's shape. */
export function isSystem(x: unknown): x is SystemSpec {
  if (typeof x !== 'object' || x === null) return false;
  if ((x as Record<symbol, unknown>)[SYSTEM_MARK] === true) return true;
  const s = x as Partial<SystemSpec>;
  return typeof s.name === 'string' && Array.isArray(s.actors) && Array.isArray(s.properties) && typeof s.traceHeader === 'function';
}

/**
 * The header of a user system's counterexample: the `custom` protocol, naming the system
 * and its nodes. `coordkit verify --system FILE` judges such a trace by replaying it on
 * the system (and `coordkit check FILE` adds the module and its parameters).
 */
function customHeader(name: string, nodes: string[]): TraceHeader {
  return traceHeader('custom', { system: name, nodes }, { name: 'coordkit explore' }, `model counterexample of ${name}`);
}

/** An invariant: `check` returns true, or a sentence saying what is wrong. */
export function invariant(name: string, description: string, check: (view: Parameters<Extract<Property, { kind: 'invariant' }>['check']>[0]) => true | string): Property {
  return { kind: 'invariant', name, description, check };
}

/** A reachability check ("sometimes"): shows that the invariants are not vacuous. */
export function reachable(name: string, description: string, reached: (view: Parameters<Extract<Property, { kind: 'reachable' }>['reached']>[0]) => boolean): Property {
  return { kind: 'reachable', name, description, reached };
}
