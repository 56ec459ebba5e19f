/**
 * Replays model paths against an implementation through an adapter. At every step the
 * model says what the acting node must emit and what abstract state it must reach, and
 * the implementation passes if its behaviour is ONE of those the protocol allows:
 * - messages carrying no obligation (`nack`, `other`) are listed, never a divergence;
 * - a resend of a message the node already sent is a stutter (Paxos.tla's message set:
 *   sending it again changes nothing);
 * - outputs the binding allows beyond the model's (a re-promise) are listed;
 * - where the protocol branches and the model took one branch (a free Phase2a value),
 *   the binding's alternative snapshots are tried and the model follows the one the
 *   implementation took.
 * State is compared on the fields the implementation exposes (partial observability).
 * Anything else is a divergence, classified (safety, conformance, liveness) by the
 * binding. Along each path the driver records what the implementation did as trace
 * events, so a diverging path can be written as the implementation's trace.
 */
import { initialTransition } from 'xstate';
import type { ComposedSystem } from '../explore/compose.ts';
import type { Adapter, DriveConfig, DriveInput, DriveOutput } from './adapter.ts';
import type { ProtocolBinding, StepContext, VerdictClass } from './binding.ts';
import { ballotPairs } from './ballot-pairs.ts';
import { fingerprint, type Fingerprint } from '../explore/fingerprint.ts';
import { canonicalJson } from '../explore/canonical.ts';
import { normalizeOutputs, plainJson, sameList } from './compare.ts';
import { describeStep, modelAfter, stepKey, stepsFrom, typedStep, type DriveStep } from './steps.ts';

export interface Observation {
  outputs: string[];
  state: unknown;
}

/** A trace event as the implementation produced it (conformance/schema/trace.ts without `seq`). */
export type ImplEvent = { node: string; kind: string } & Record<string, unknown>;

export interface Divergence {
  /** 1-based index of the diverging step in `path`; 0 for the initial state. */
  step: number;
  node: string;
  description: string;
  what: 'outputs' | 'state' | 'error';
  /** The verdict class; 'error' when the implementation failed the adapter protocol (crash, timeout, bad reply). */
  class: VerdictClass | 'error';
  /** The property broken (e.g. paxos.accept-respects-promise), or drive.adapter for errors. */
  property: string;
  why: string;
  expected: Observation;
  actual: Observation | { error: string };
  /** Steps from the initial state, the diverging one last. */
  path: DriveStep[];
  /** What the implementation did along the path, the diverging step included. */
  events: ImplEvent[];
}

/** Picks the next step given the options (computed on demand), or null to stop. */
export type Chooser = (options: () => DriveStep[], depth: number) => DriveStep | null;

export const fixedPath = (steps: readonly DriveStep[]): Chooser => (_options, depth) => steps[depth] ?? null;

/**
 * The model's expectation for one local transition. `fast*` use plain JSON, which matches
 * whenever the implementation builds objects in the model's key order (the usual case);
 * only on a mismatch is the canonical form compared, so key order never causes a divergence.
 */
interface Expected { emitted: DriveOutput[]; outputs: string[]; fastOutputs: string[]; state: unknown; stateKey: string; fastState: string }

const NO_OBLIGATION = new Set(['nack', 'other']);
const noObligation = (o: DriveOutput) =>
  o.type === 'other' || (o.type === 'send' && NO_OBLIGATION.has(String((o.msg as { type?: unknown } | undefined)?.type)));

/** One output per recipient, with its canonical text. */
function explode(outputs: readonly DriveOutput[]): { output: DriveOutput; text: string }[] {
  const out: { output: DriveOutput; text: string }[] = [];
  for (const o of outputs) {
    if (o.type === 'send' && Array.isArray(o.to) && o.to.length !== 1) {
      for (const to of o.to) out.push(...explode([{ ...o, to: [to] }]));
    } else {
      out.push({ output: o, text: normalizeOutputs([o])[0] });
    }
  }
  return out;
}

/** `a` minus `b`, as multisets of texts. */
function minus<T extends { text: string }>(a: readonly T[], b: readonly string[]): T[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x.text) ?? 0;
    if (n > 0) { left.set(x.text, n - 1); return false; }
    return true;
  });
}

const pick = (state: unknown, fields: readonly string[] | undefined): unknown => {
  if (!fields || typeof state !== 'object' || state === null) return state;
  return Object.fromEntries(fields.filter((f) => f in (state as object)).map((f) => [f, (state as Record<string, unknown>)[f]]));
};

interface Applied { divergence: Divergence | null; next?: Uint32Array }

export class Driver {
  readonly config: DriveConfig;
  paths = 0;
  steps = 0;
  /** Steps handed to a node (deliveries, events, restarts), as opposed to network actions. */
  nodeSteps = 0;
  /** Differences the protocol allows, by label, with how often each was seen. */
  readonly allowed = new Map<string, number>();
  /** Paths cut short because an allowed alternative left the planned path. */
  offPlan = 0;
  /** Distinct model states reached (up to 200,000), for the coverage summary. */
  readonly visited = new Set<number>();
  private readonly fp: Fingerprint = { hi: 0, lo: 0 };
  private readonly initialViews: unknown[];
  /** Plain JSON of each initial view: the usual case matches without canonicalising. */
  private readonly initialKeys: string[];
  /** Sends of this path that conformed, as canonical texts (built from `sentRaw` only when a step needs it). */
  private sent = new Set<string>();
  private sentRaw: { node: string; outputs: readonly DriveOutput[] }[] = [];
  private sentUpTo = 0;
  /** What happened on this path, turned into trace events only for a divergence (see `eventsOf`). */
  private log: ({ step: DriveStep } | { node: string; input: DriveInput | 'restart'; raw: readonly DriveOutput[] })[] = [];

  constructor(readonly system: ComposedSystem, readonly binding: ProtocolBinding, readonly adapter: Adapter) {
    const actors = system.spec.actors;
    const hosts = binding.hosts?.(system.spec);
    this.config = {
      protocol: binding.protocol,
      nodes: actors.map((a) => ({ id: a.id, role: a.role, ...(hosts ? { host: hosts[a.id] } : {}), input: a.input })),
      system: system.spec.traceHeader().config as Record<string, unknown>,
      ...(binding.ballots ? { ballotPairs: ballotPairs(binding.ballots.owners(system.spec)) } : {}),
    };
    this.initialViews = actors.map((a) => binding.modelView(a.role, initialTransition(a.machine, a.input)[0]));
    this.initialKeys = this.initialViews.map(plainJson);
  }

  private note(label: string): void {
    this.allowed.set(label, (this.allowed.get(label) ?? 0) + 1);
  }

  /** Drives one path; returns the first divergence, or null if the implementation kept up. */
  /** `known[k]`, when given, is the model state after step k (saves recomputing it). */
  async run(choose: Chooser, maxSteps = 64, known?: readonly Uint32Array[]): Promise<Divergence | null> {
    this.paths++;
    this.sent = new Set();
    this.sentRaw = [];
    this.sentUpTo = 0;
    this.log = [];
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
      const fields = this.adapter.observable?.(node);
      const want = pick(this.initialViews[i], fields);
      if (state !== undefined && (fields || plainJson(state) !== this.initialKeys[i]) && canonicalJson(pick(state, fields)) !== canonicalJson(want)) {
        return {
          step: 0, node, description: 'initial state', what: 'state', class: 'conformance', property: `${this.binding.protocol}.refinement`,
          why: 'the initial state differs from the model\'s', expected: { outputs: [], state: want }, actual: { outputs: [], state }, path, events: [],
        };
      }
    }
    let v = this.system.initial();
    let planned = true;
    for (let depth = 0; depth < maxSteps; depth++) {
      const step = choose(() => stepsFrom(this.system, v), depth);
      if (step === null) break;
      if (!planned && known && !stepsFrom(this.system, v).some((s) => stepKey(s) === stepKey(step))) {
        // An allowed alternative took the model elsewhere: the rest of the plan no longer applies.
        this.offPlan++;
        break;
      }
      path.push(step);
      this.steps++;
      const r = await this.apply(v, step, path);
      if (r.divergence) return r.divergence;
      if (r.next) planned = false;
      v = r.next ?? (planned ? known?.[depth] : undefined) ?? modelAfter(this.system, v, step);
      if (this.visited.size < 200_000) {
        fingerprint(v, 0, v.length, this.fp);
        this.visited.add(this.fp.hi * 0x100000000 + this.fp.lo);
      }
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
      const state = this.binding.modelView(system.spec.actors[actor].role, system.snapshot(actor, s ? s.next : local));
      const emitted = (s ? s.emitted : []) as DriveOutput[];
      e = {
        emitted, outputs: normalizeOutputs(emitted), fastOutputs: normalizeOutputs(emitted, plainJson),
        state, stateKey: canonicalJson(state), fastState: plainJson(state),
      };
      memo.set(key, e);
    }
    return e;
  }

  /** What the model expects of the acting node, and the input that produces it; null when no node acts. */
  private expectation(v: Uint32Array, step: DriveStep): { actor: number; input: DriveInput | 'restart'; expected: Expected } | null {
    const { system } = this;
    const s = typedStep(system, step);
    switch (s.kind) {
      case 'deliver': {
        const { actor, envelope } = s;
        const local = system.layout.local(v, actor);
        const input: DriveInput = { kind: 'receive', from: envelope.from, msg: envelope.msg };
        // An ignored delivery expects no output and no change (`expected(..., null)`).
        const result = step.kind === 'ignored' ? null : system.step(actor, local, s.eventId);
        return { actor, input, expected: this.expected(actor, local, result) };
      }
      case 'offer': {
        const local = system.layout.local(v, s.actor);
        return { actor: s.actor, input: { kind: 'event', event: s.event }, expected: this.expected(s.actor, local, system.step(s.actor, local, s.eventId)) };
      }
      case 'restart': {
        const after = modelAfter(system, v, step);
        return { actor: s.actor, input: 'restart', expected: this.expected(s.actor, system.layout.local(after, s.actor), null) };
      }
      default:
        // Crashes, partitions, loss and duplication happen in the network, not in a node.
        return null;
    }
  }

  /** The path's log as trace events: receives, sends, decisions, restarts, crashes, losses, duplications. */
  private eventsOf(): ImplEvent[] {
    const { system } = this;
    const events: ImplEvent[] = [];
    for (const entry of this.log) {
      if ('step' in entry) {
        if (entry.step.kind !== 'model') continue;
        const step = system.decodeStep(entry.step.action);
        if (step.kind === 'crash') events.push({ node: step.node, kind: 'crash' });
        if (step.kind === 'lose' || step.kind === 'duplicate') {
          const { from, to, msg } = step.envelope;
          for (const node of to) events.push({ node, kind: step.kind === 'lose' ? 'drop' : 'duplicate', from, msg });
        }
        continue;
      }
      const { node, input, raw } = entry;
      if (input === 'restart') events.push({ node, kind: 'restart' });
      else if (input.kind === 'receive') events.push({ node, kind: 'receive', from: input.from, msg: input.msg });
      for (const o of raw) {
        if (o.type === 'send') events.push({ node, kind: 'send', to: o.to, msg: o.msg });
        else events.push({ ...o, node, kind: o.type });
      }
    }
    return events;
  }

  /**
   * Matches the implementation's outputs against one expectation: what is left over
   * once stutters and allowed extras are set aside, and what the model emitted that the
   * implementation did not. Both empty: the step conforms.
   */
  private match(node: string, actual: readonly DriveOutput[], e: Expected, ctx: StepContext) {
    for (; this.sentUpTo < this.sentRaw.length; this.sentUpTo++) {
      const { node: n, outputs } = this.sentRaw[this.sentUpTo];
      for (const item of explode(outputs)) if (item.output.type === 'send') this.sent.add(`${n} ${item.text}`);
    }
    const items = explode(actual);
    const missing = minus(e.outputs.map((text) => ({ text })), items.map((x) => x.text));
    const notes: string[] = [];
    const left = minus(items, e.outputs).filter((x) => {
      if (x.output.type === 'send' && this.sent.has(`${node} ${x.text}`)) { notes.push(`resend of ${String((x.output.msg as { type?: unknown }).type)} (stutter)`); return false; }
      const why = this.binding.allowedExtra?.(ctx, x.output);
      if (why) { notes.push(why); return false; }
      return true;
    });
    return { ok: left.length === 0 && missing.length === 0, notes, items };
  }

  private async apply(v: Uint32Array, step: DriveStep, path: DriveStep[]): Promise<Applied> {
    const x = this.expectation(v, step);
    if (x === null) { this.log.push({ step }); return { divergence: null }; }
    const node = this.system.actorId(x.actor);
    const role = this.system.spec.actors[x.actor].role;
    let raw: DriveOutput[] = [];
    let state: unknown;
    this.nodeSteps++;
    try {
      if (x.input === 'restart') await this.adapter.restart(node);
      else raw = await this.adapter.step(node, x.input);
      state = await this.adapter.observe(node);
    } catch (err) {
      this.log.push({ node, input: x.input, raw: [] });
      return { divergence: this.failed(path.length, path, node, describeStep(this.system, step), { outputs: x.expected.outputs, state: x.expected.state }, err) };
    }
    if (!Array.isArray(raw)) raw = [];
    this.log.push({ node, input: x.input, raw });
    const before = this.system.snapshot(x.actor, this.system.layout.local(v, x.actor));
    const actual = raw.filter((o) => !noObligation(o));
    for (const o of raw) if (noObligation(o)) this.note(`no-obligation ${o.type === 'send' ? String((o.msg as { type: unknown }).type) : o.type} message`);
    const ctx: StepContext = { role, node, before, input: x.input, expected: x.expected.emitted, actual };

    let e = x.expected;
    let next: Uint32Array | undefined;
    const fast = sameList(normalizeOutputs(actual, plainJson), e.fastOutputs);
    let m = fast ? null : this.match(node, actual, e, ctx);
    if (m && !m.ok && this.binding.alternatives && step.kind === 'model') {
      for (const alt of this.binding.alternatives(role, before, this.system.spec)) {
        const w = v.slice();
        this.system.layout.setLocal(w, x.actor, this.system.internLocal(x.actor, alt.snapshot));
        const y = this.expectation(w, step);
        if (!y) continue;
        const am = this.match(node, actual, y.expected, ctx);
        if (am.ok) {
          this.note(alt.label);
          m = am;
          e = y.expected;
          next = modelAfter(this.system, w, step);
          break;
        }
      }
    }
    const fields = this.adapter.observable?.(node);
    const stateDiffers = state !== undefined && (fields
      ? canonicalJson(pick(state, fields)) !== canonicalJson(pick(e.state, fields))
      : plainJson(state) !== e.fastState && canonicalJson(state) !== e.stateKey);
    const what = m && !m.ok ? 'outputs' : stateDiffers ? 'state' : null;
    if (what === null) {
      for (const n of m?.notes ?? []) this.note(n);
      if (actual.length) this.sentRaw.push({ node, outputs: actual });
      return { divergence: null, next };
    }
    const f = this.binding.classify?.(ctx, what, state, e.state)
      ?? { class: 'conformance' as const, property: `${this.binding.protocol}.refinement`, why: `the ${role} did something the model does not allow here` };
    return {
      divergence: {
        step: path.length, node, description: describeStep(this.system, step), what, class: f.class, property: f.property, why: f.why,
        expected: { outputs: e.outputs, state: pick(e.state, fields) }, actual: { outputs: normalizeOutputs(raw), state },
        path: [...path], events: this.eventsOf(),
      },
    };
  }

  private failed(step: number, path: DriveStep[], node: string, description: string, expected: Observation, err: unknown): Divergence {
    return {
      step, node, description, what: 'error', class: 'error', property: 'drive.adapter', why: (err as Error).message ?? String(err),
      expected, actual: { error: (err as Error).message ?? String(err) }, path: [...path], events: this.eventsOf(),
    };
  }
}
