/**
 * The checkers of a `custom` trace: a user's system (defineSystem), replayed on the trace.
 *
 * - `refinement` (conformance): every recorded step is a step the system can take from
 *   where the trace has brought it (src/explore/trace-replay.ts); the first one it cannot
 *   take fails the verdict, naming its line and what the model could have done instead.
 * - each invariant of the system (safety): checked in every state the trace passes through
 *   between two steps; it fails where every model state consistent with the trace breaks it.
 * - each liveness property (liveness), on a lasso (a header with `loop`): the trace's cycle
 *   must bring the model back to where it started (else refinement fails), and the property
 *   fails when the lasso avoids its goal (`eventually`: from the start; `leadsTo`: from a
 *   state where the premise holds) and the cycle is fair under the system's declared weak
 *   fairness: no fair step stays enabled through the whole cycle without being taken. A
 *   finite trace shows no liveness violation: the verdict is a skip.
 *
 * - with `deadlock` (as `check --deadlock`): `deadlock-free` (safety) fails when the trace
 *   ends where every model state consistent with it has no step at all.
 *
 * Reachability properties are about the state space, not one run, and are not judged.
 * Memory: the replay's candidate states (capped), O(1) per property.
 */
import type { HeaderOf } from '../../conformance/schema/header.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import type { CustomCheckers } from '../../conformance/checkers/run.ts';
import type { Checker, Verdict, Violation } from '../../conformance/checkers/types.ts';
import { ComposedSystem } from '../explore/compose.ts';
import { fairClassNamer, type Fairness, type LivenessProperty } from '../explore/liveness.ts';
import type { Property, StateView, SystemSpec } from '../explore/spec.ts';
import { TraceReplay } from '../explore/trace-replay.ts';

type Invariant = Extract<Property, { kind: 'invariant' }>;
type Live = SystemSpec & { liveness?: LivenessProperty[]; fairness?: Fairness };

export interface SystemCheckOptions {
  /** Judge `deadlock-free` at the end of the trace, as `check --deadlock` does in the search. */
  deadlock?: boolean;
}

/** Builds the checkers of `spec` for a trace `file`; refuses a trace of another system (exit 2). */
export function systemCheckers(spec: SystemSpec, file: string, options: SystemCheckOptions = {}): CustomCheckers {
  return (header) => {
    if (header.config.system !== spec.name) {
      // The usual cause is a forgotten --param: say which ones the trace was checked with.
      const params = Object.entries(header.config.params ?? {}).map(([k, v]) => `--param ${k}=${v}`).join(' ');
      const hint = params ? ` (the trace was checked with ${params})` : '';
      throw new UserError(`the trace is of system '${header.config.system}', but the system given is '${spec.name}'${hint}`, { file, line: 1, field: 'config.system' });
    }
    const ids = new Set(spec.actors.map((a) => a.id));
    header.config.nodes.forEach((node, i) => {
      if (!ids.has(node)) throw new UserError(`node '${node}' is not an actor of system '${spec.name}' (actors: ${[...ids].join(', ')})`, { file, line: 1, field: `config.nodes.${i}` });
    });
    return [new SystemTraceChecker(spec as Live, header, file, options.deadlock === true)];
  };
}

interface LiveState {
  property: LivenessProperty;
  /** eventually: the goal has not been seen yet. */
  avoided: boolean;
  /** leadsTo: a premise state was seen, and the goal has not been seen since (and where). */
  pendingSince?: number;
}

class SystemTraceChecker implements Checker {
  readonly name = 'custom.replay';
  private readonly system: ComposedSystem;
  private readonly replay: TraceReplay;
  private readonly invariants: Invariant[];
  private readonly failed = new Map<string, Violation>();
  private readonly live: LiveState[];
  private diverged: Violation | undefined;
  private events = 0;
  private lastLine = 1;
  private cycleStart: number | undefined;

  constructor(private readonly spec: Live, private readonly header: HeaderOf<'custom'>, private readonly file: string, private readonly deadlock: boolean) {
    this.system = new ComposedSystem(spec);
    this.replay = new TraceReplay(this.system);
    this.invariants = spec.properties.filter((p): p is Invariant => p.kind === 'invariant');
    this.live = (spec.liveness ?? []).map((property) => ({ property, avoided: true }));
    this.observe(1);
    if (header.loop?.afterSeq === 0) this.startCycle(1);
  }

  event(e: TraceEvent, line: number): void {
    this.events++;
    this.lastLine = line;
    if (this.diverged) return;
    const r = this.replay.apply(e);
    if (!r.ok) {
      this.diverged = { line, message: r.reason, window: [{ line, event: e }] };
      return;
    }
    if (this.replay.between) this.observe(line);
    if (this.header.loop !== undefined && e.seq === this.header.loop.afterSeq) this.startCycle(line);
  }

  end(): Verdict[] {
    if (!this.diverged && !this.replay.between) {
      if (this.replay.settle()) this.observe(this.lastLine);
      else this.diverged = { line: this.lastLine, message: 'the trace ends in the middle of a step' };
    }
    if (this.header.loop !== undefined && this.cycleStart === undefined && !this.diverged) {
      throw new UserError(`the loop starts after seq ${this.header.loop.afterSeq}, which is not the seq of an event of the trace`, { file: this.file, line: 1, field: 'loop.afterSeq' });
    }
    const cycles = !this.diverged && this.cycleStart !== undefined ? this.closedCycles() : [];
    const refinement: Verdict = {
      property: 'refinement', class: 'conformance',
      status: this.diverged ? (this.replay.capped ? 'skip' : 'fail') : 'pass',
      note: this.diverged && this.replay.capped ? `cannot judge: the model states consistent with the trace exceeded the cap, so the step at line ${this.diverged.line} may have been allowed` : undefined,
      violations: this.diverged && !this.replay.capped ? [this.diverged] : [],
      figures: { events: this.events, maxCandidates: this.replay.maxCandidates },
    };
    const cut = this.diverged ? `not judged past line ${this.diverged.line}, where the trace leaves the model` : undefined;
    const invariants: Verdict[] = this.invariants.map((p) => {
      const v = this.failed.get(p.name);
      if (v) return { property: p.name, class: 'safety', status: 'fail', note: p.description, violations: [v], figures: {} };
      if (cut) return { property: p.name, class: 'safety', status: 'skip', note: cut, violations: [], figures: {} };
      return { property: p.name, class: 'safety', status: 'pass', note: p.description, violations: [], figures: {} };
    });
    return [refinement, ...invariants, ...(this.deadlock ? [this.deadlockVerdict(cut)] : []), ...this.live.map((s) => this.liveVerdict(s, cycles, cut))];
  }

  /** deadlock-free at the trace's end: fails when no model state consistent with it has a step. */
  private deadlockVerdict(cut: string | undefined): Verdict {
    const base = { property: 'deadlock-free', class: 'safety' as const, violations: [] as Violation[], figures: {} };
    if (cut) return { ...base, status: 'skip', note: cut };
    if (this.header.loop !== undefined) return { ...base, status: 'pass', note: 'the trace is a lasso: its cycle keeps stepping' };
    const stuck = this.replay.states().every((v) => this.replay.enabled(v).length === 0);
    return stuck
      ? { ...base, status: 'fail', note: 'no state without successors', violations: [{ line: this.lastLine, message: 'deadlock-free violated: the trace ends in a state where no actor can take a step' }] }
      : { ...base, status: 'pass', note: 'the trace ends in a state where some step is enabled' };
  }

  /** The closed cycles of the lasso; a cycle that does not return to its start is a divergence. */
  private closedCycles(): { actions: number[]; states: Uint32Array[] }[] {
    const closed = this.replay.closedCycles();
    if (closed.length === 0) {
      this.diverged = { line: this.lastLine, message: `the cycle (the events after seq ${this.header.loop!.afterSeq}) does not bring the model back to the state it starts from, so it cannot repeat forever` };
    }
    return closed;
  }

  private startCycle(line: number): void {
    if (this.diverged) return;
    if (!this.replay.settle()) {
      this.diverged = { line, message: `the loop starts after seq ${this.header.loop!.afterSeq}, in the middle of a step` };
      return;
    }
    this.cycleStart = line;
    this.replay.startCycle();
  }

  /** Judges the properties in the states the trace is in now (between two steps). */
  private observe(line: number): void {
    const views = this.replay.states().map((v) => this.system.view(v));
    for (const p of this.invariants) {
      if (this.failed.has(p.name)) continue;
      const verdicts = views.map((view) => p.check(view));
      if (verdicts.every((v) => v !== true)) this.failed.set(p.name, { line, message: `${p.name} violated: ${verdicts[0]}` });
    }
    const all = (f: (view: StateView) => boolean) => views.every(f);
    for (const s of this.live) {
      const p = s.property;
      const goalOut = all((view) => !(p.kind === 'eventually' ? p.holds(view) : p.to(view)));
      if (p.kind === 'eventually') s.avoided &&= goalOut;
      else if (!goalOut) s.pendingSince = undefined;
      else if (s.pendingSince === undefined && all(p.from)) s.pendingSince = line;
    }
  }

  private liveVerdict(s: LiveState, cycles: { actions: number[]; states: Uint32Array[] }[], cut: string | undefined): Verdict {
    const p = s.property;
    const base = { property: p.name, class: 'liveness' as const, violations: [] as Violation[], figures: {} };
    if (cut) return { ...base, status: 'skip', note: cut };
    if (this.header.loop === undefined) return { ...base, status: 'skip', note: 'a finite trace shows no liveness violation: the header declares no loop (lasso)' };
    const avoids = p.kind === 'eventually' ? s.avoided : s.pendingSince !== undefined;
    if (!avoids) return { ...base, status: 'pass', note: `${p.description}: the lasso reaches the goal` };
    const unfair = cycles.map((c) => this.unfairness(c));
    if (unfair.every((u) => u !== null)) return { ...base, status: 'pass', note: `the lasso avoids the goal, but its cycle is not fair: ${unfair[0]}` };
    const from = p.kind === 'eventually' ? 'from the start' : `from line ${s.pendingSince}`;
    return {
      ...base, status: 'fail', note: p.description,
      violations: [{ line: this.lastLine, message: `${p.name} violated: ${from}, the goal never holds, and the fair cycle after seq ${this.header.loop.afterSeq} repeats forever` }],
    };
  }

  /** Why a cycle is not fair (a fair step enabled in every state of it and never taken), or null when it is. */
  private unfairness(cycle: { actions: number[]; states: Uint32Array[] }): string | null {
    const classOf = fairClassNamer(this.system, this.spec.fairness ?? {});
    const taken = new Set(cycle.actions.map(classOf));
    let always: Map<string, string> | undefined;
    for (const state of cycle.states) {
      const here = new Map<string, string>();
      for (const step of this.replay.enabled(state)) {
        const c = classOf(step.code);
        if (c !== null) here.set(c, step.action);
      }
      always = always === undefined ? here : new Map([...always].filter(([c]) => here.has(c)));
    }
    for (const [c, step] of always ?? []) {
      if (!taken.has(c)) return `a fair step (${step}) stays enabled through the cycle and is never taken`;
    }
    return null;
  }
}
