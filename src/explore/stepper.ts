/**
 * Walking a composed system one step at a time, for people (the `coordkit explore` web
 * page), as Stateright's explorer does: the initial state, the steps enabled in a state
 * with their descriptions, the state a step leads to, and a view of each actor.
 *
 * Protocol-neutral: it knows ComposedSystem and XState snapshots, nothing else. Steps are
 * described by step.ts (through counterexample.ts, which adds the state after), and
 * listed in a canonical order (actor, then description), so a path of step positions names
 * the same states whatever order the system happened to intern its messages in: a path can
 * be shared as a URL.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { ComposedSystem } from './compose.ts';
import { counterexample } from './counterexample.ts';
import { StateStore } from './state-store.ts';
import { describeMessage, type Message } from './step.ts';
import type { Envelope, Property } from './spec.ts';
import { unfixedContext } from './unfixed-context.ts';

export interface EnabledStep {
  /** Position in the canonical list: what a shared path records. */
  index: number;
  /** The step's code (step.ts): how a search's path names this step. */
  code: number;
  actor: string;
  /** What happens, e.g. "a1 receives prepare(bal=1) from p1". */
  action: string;
  /** The acting node's state afterwards, or the network change. */
  after: string;
  next: Uint32Array;
}

export interface ActorState {
  id: string;
  role: string;
  crashed: boolean;
  /** The XState state value, e.g. "serving" or { leading: "established" }. */
  value: unknown;
  /** Ids of the active state nodes, outermost first (the statechart's boxes to highlight). */
  active: string[];
  /** The machine's context without the fields fixed by its input. */
  context: Record<string, unknown>;
}

export interface StateReport {
  actors: ActorState[];
  /** Messages in flight, each with its description (step.ts) for the page. */
  messages: (Envelope & { count: number; text: string })[];
  /** The network sides under a partition, or null. */
  partition: readonly number[] | null;
  /** Invariants this state violates (name and message) and reachability goals it reaches. */
  violated: { name: string; message: string }[];
  reached: string[];
}

export class Stepper {
  constructor(readonly system: ComposedSystem) {}

  initial(): Uint32Array {
    return this.system.initial();
  }

  /** The steps enabled in `state`, described, in canonical order. */
  enabled(state: Uint32Array): EnabledStep[] {
    const found: { code: number; next: Uint32Array }[] = [];
    this.system.successors(state, (code, next) => found.push({ code, next: next.slice() }));
    const steps = found.map(({ code, next }) => ({ code, next, ...this.describe(state, code, next) }));
    const actorOrder = (id: string) => this.system.indexOf(id) ?? this.system.n;
    steps.sort((a, b) => actorOrder(a.actor) - actorOrder(b.actor) || (a.action < b.action ? -1 : a.action > b.action ? 1 : a.code - b.code));
    return steps.map((s, index) => ({ index, ...s }));
  }

  /** The state after taking the step at position `index` of enabled(state). */
  next(state: Uint32Array, index: number): Uint32Array {
    const step = this.enabled(state)[index];
    if (!step) throw new RangeError(`no step ${index} in this state`);
    return step.next;
  }

  /** Follows a path of step positions from the initial state; undefined if one is out of range. */
  follow(path: readonly number[]): Uint32Array[] | undefined {
    const states = [this.initial()];
    for (const index of path) {
      const step = this.enabled(states.at(-1)!)[index];
      if (!step) return undefined;
      states.push(step.next);
    }
    return states;
  }

  /** Step positions of a path given as encoded actions (as a search's counterexample names them). */
  positions(codes: readonly number[]): number[] {
    const out: number[] = [];
    let state = this.initial();
    for (const code of codes) {
      const step = this.enabled(state).find((s) => s.code === code);
      if (!step) throw new Error(`action ${code} is not enabled after ${out.length} steps`);
      out.push(step.index);
      state = step.next;
    }
    return out;
  }

  /** What each actor is in, the messages in flight, and the properties decided here. */
  report(state: Uint32Array): StateReport {
    const view = this.system.view(state);
    const actors = view.actors.map((a, i) => ({
      id: a.id,
      role: a.role,
      crashed: a.crashed,
      value: a.snapshot.value,
      active: activeNodes(a.snapshot),
      context: ownContext(a.snapshot, this.system.spec.actors[i].input),
    }));
    const violated: StateReport['violated'] = [];
    const reached: string[] = [];
    for (const p of this.system.spec.properties as Property[]) {
      if (p.kind === 'invariant') {
        const verdict = p.check(view);
        if (verdict !== true) violated.push({ name: p.name, message: verdict });
      } else if (p.reached(view)) {
        reached.push(p.name);
      }
    }
    const messages = view.messages.map((m) => ({ ...m, text: describeMessage(m.msg as Message) }));
    return { actors, messages, partition: view.partition, violated, reached };
  }

  private describe(before: Uint32Array, code: number, after: Uint32Array): { actor: string; action: string; after: string } {
    const store = new StateStore(Math.max(before.length, after.length));
    store.push(before, -1, 0, 0);
    store.push(after, 0, code, 1);
    const [step] = counterexample(this.system, store, [0, 1]).steps;
    return { actor: step.actor, action: step.action, after: step.after };
  }
}

/** Active state node ids of a snapshot, outermost first. */
function activeNodes(snapshot: AnyMachineSnapshot): string[] {
  const nodes = (snapshot as unknown as { _nodes?: { id: string }[] })._nodes ?? [];
  return nodes.map((n) => n.id);
}

function ownContext(snapshot: AnyMachineSnapshot, input: unknown): Record<string, unknown> {
  return unfixedContext((snapshot.context ?? {}) as object, input);
}
