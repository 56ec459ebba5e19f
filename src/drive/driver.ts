/**
 * Replays model paths against an implementation through an adapter. At every step the
 * model says what the acting node must emit and what abstract state it must reach; the
 * first step where the implementation differs (or fails) is the divergence.
 */
import { initialTransition, type EventObject } from 'xstate';
import { ActionKind, decodeAction, type ComposedSystem } from '../explore/compose.ts';
import type { Adapter, DriveConfig, DriveInput, DriveOutput } from './adapter.ts';
import type { ProtocolBinding } from './binding.ts';
import { canonicalJson } from '../explore/canonical.ts';
import { normalizeOutputs, plainJson, sameList } from './compare.ts';
import { describeStep, modelAfter, stepsFrom, type DriveStep } from './steps.ts';

export interface Observation {
  outputs: string[];
  state: unknown;
}

export interface Divergence {
  /** 1-based index of the diverging step in `path`; 0 for the initial state. */
  step: number;
  node: string;
  description: string;
  what: 'outputs' | 'state' | 'error';
  expected: Observation;
  actual: Observation | { error: string };
  /** Steps from the initial state, the diverging one last. */
  path: DriveStep[];
}

/** Picks the next step given the options (computed on demand), or null to stop. */
export type Chooser = (options: () => DriveStep[], depth: number) => DriveStep | null;

export const fixedPath = (steps: readonly DriveStep[]): Chooser => (_options, depth) => steps[depth] ?? null;

/**
 * The model's expectation for one local transition. `fast*` use plain JSON, which matches
 * whenever the implementation builds objects in the model's key order (the usual case);
 * only on a mismatch is the canonical form compared, so key order never causes a divergence.
 */
interface Expected { outputs: string[]; fastOutputs: string[]; state: unknown; stateKey: string; fastState: string }

export class Driver {
  readonly config: DriveConfig;
  paths = 0;
  steps = 0;
  private readonly initialViews: unknown[];
  private readonly initialKeys: { fast: string; canonical: string }[];

  constructor(readonly system: ComposedSystem, readonly binding: ProtocolBinding, readonly adapter: Adapter) {
    const actors = system.spec.actors;
    this.config = { protocol: binding.protocol, nodes: actors.map((a) => ({ id: a.id, role: a.role, input: a.input })) };
    this.initialViews = actors.map((a) => binding.modelView(a.role, initialTransition(a.machine, a.input)[0]));
    this.initialKeys = this.initialViews.map((s) => ({ fast: plainJson(s), canonical: canonicalJson(s) }));
  }

  /** Drives one path; returns the first divergence, or null if the implementation kept up. */
  /** `known[k]`, when given, is the model state after step k (saves recomputing it). */
  async run(choose: Chooser, maxSteps = 64, known?: readonly Uint32Array[]): Promise<Divergence | null> {
    this.paths++;
    const path: DriveStep[] = [];
    try {
      await this.adapter.reset(this.config);
    } catch (err) {
      return this.failed(0, path, this.system.actorId(0), 'reset', { outputs: [], state: null }, err);
    }
    for (let i = 0; i < this.system.n; i++) {
      const node = this.system.actorId(i);
      const state = await this.adapter.observe(node).catch((err: Error) => err);
      if (state instanceof Error) return this.failed(0, path, node, 'observe initial state', { outputs: [], state: this.initialViews[i] }, state);
      const key = this.initialKeys[i];
      if (state !== undefined && plainJson(state) !== key.fast && canonicalJson(state) !== key.canonical) {
        return { step: 0, node, description: 'initial state', what: 'state', expected: { outputs: [], state: this.initialViews[i] }, actual: { outputs: [], state }, path };
      }
    }
    let v = this.system.initial();
    for (let depth = 0; depth < maxSteps; depth++) {
      const step = choose(() => stepsFrom(this.system, v), depth);
      if (step === null) break;
      path.push(step);
      this.steps++;
      const d = await this.apply(v, step, path);
      if (d) return d;
      v = known?.[depth] ?? modelAfter(this.system, v, step);
    }
    return null;
  }

  /**
   * Expected outputs and state per local transition: a model transition is memoized by the
   * composed system as one id, so its expectation is computed once, not once per path.
   */
  private readonly expectedByStep = new Map<number, Expected>();
  private readonly expectedIgnored = new Map<number, Expected>();

  private expected(actor: number, local: number, result: number | null): Expected {
    const { system } = this;
    const memo = result === null ? this.expectedIgnored : this.expectedByStep;
    const key = result === null ? local * 256 + actor : result;
    let e = memo.get(key);
    if (e === undefined) {
      const s = result === null ? null : system.localStep(result);
      const state = this.binding.modelView(system.spec.actors[actor].role, system.localTables[actor].values[s ? s.next : local]);
      const emitted = (s ? s.emitted : []) as DriveOutput[];
      e = {
        outputs: normalizeOutputs(emitted), fastOutputs: normalizeOutputs(emitted, plainJson),
        state, stateKey: canonicalJson(state), fastState: plainJson(state),
      };
      memo.set(key, e);
    }
    return e;
  }

  /** What the model expects of the acting node, and the input that produces it; null when no node acts. */
  private expectation(v: Uint32Array, step: DriveStep): { actor: number; input: DriveInput | 'restart'; expected: Expected } | null {
    const { system } = this;
    if (step.kind === 'ignored') {
      const { from, msg } = system.entries.values[step.entry].envelope;
      return { actor: step.actor, input: { kind: 'receive', from, msg }, expected: this.expected(step.actor, system.local(v, step.actor), null) };
    }
    const { kind, actor, arg } = decodeAction(step.action);
    const local = system.local(v, actor);
    switch (kind) {
      case ActionKind.Deliver: {
        const entry = system.entries.values[arg];
        const event = entry.recipients.find((r) => r.actor === actor)!.event;
        const input: DriveInput = { kind: 'receive', from: entry.envelope.from, msg: entry.envelope.msg };
        return { actor, input, expected: this.expected(actor, local, system.step(actor, local, event)) };
      }
      case ActionKind.Offer: {
        const input: DriveInput = { kind: 'event', event: system.eventTables[actor].values[arg] as EventObject & Record<string, unknown> };
        return { actor, input, expected: this.expected(actor, local, system.step(actor, local, arg)) };
      }
      case ActionKind.Restart: {
        const after = modelAfter(system, v, step);
        return { actor, input: 'restart', expected: this.expected(actor, system.local(after, actor), null) };
      }
      default:
        // Crashes, partitions, loss and duplication happen in the network, not in a node.
        return null;
    }
  }

  private async apply(v: Uint32Array, step: DriveStep, path: DriveStep[]): Promise<Divergence | null> {
    const x = this.expectation(v, step);
    if (x === null) return null;
    const node = this.system.actorId(x.actor);
    const expected: Observation = { outputs: x.expected.outputs, state: x.expected.state };
    let raw: DriveOutput[] = [];
    let state: unknown;
    try {
      if (x.input === 'restart') await this.adapter.restart(node);
      else raw = await this.adapter.step(node, x.input);
      state = await this.adapter.observe(node);
    } catch (err) {
      return this.failed(path.length, path, node, describeStep(this.system, step), expected, err);
    }
    const outputsDiffer = !sameList(normalizeOutputs(raw, plainJson), x.expected.fastOutputs) && !sameList(normalizeOutputs(raw), expected.outputs);
    const stateDiffers = state !== undefined && plainJson(state) !== x.expected.fastState && canonicalJson(state) !== x.expected.stateKey;
    const what = outputsDiffer ? 'outputs' : stateDiffers ? 'state' : null;
    const outputs = what ? normalizeOutputs(raw) : [];
    if (what === null) return null;
    return { step: path.length, node, description: describeStep(this.system, step), what, expected, actual: { outputs, state }, path: [...path] };
  }

  private failed(step: number, path: DriveStep[], node: string, description: string, expected: Observation, err: unknown): Divergence {
    return { step, node, description, what: 'error', expected, actual: { error: (err as Error).message ?? String(err) }, path: [...path] };
  }
}
