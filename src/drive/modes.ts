/**
 * Path selection: transition coverage of the explored graph, seeded random walks over the
 * composed system, fast-check schedules (a list of choices, shrunk by fast-check to a
 * minimal diverging one), and the replay of one saved path. Each mode stops at the first
 * divergence unless `keepGoing`, which drives every path and lists each distinct
 * divergence (by property, role and kind) once, with how often it was seen.
 */
import fc from 'fast-check';
import { ComposedSystem } from '../explore/compose.ts';
import { kindOf } from '../explore/step.ts';
import { describeStep, typedStep, type DriveStep } from './steps.ts';
import type { Adapter } from './adapter.ts';
import type { DriveSize, ProtocolBinding } from './binding.ts';
import { coveragePlan, type CoveragePlan } from './coverage.ts';
import { Driver, fixedPath, type Chooser, type Divergence } from './driver.ts';
import { seeded } from '../impl/random.ts';

export type PathMode = 'coverage' | 'random' | 'fastcheck' | 'replay';
export const PATH_MODES = ['coverage', 'random', 'fastcheck'] as const satisfies readonly PathMode[];

/**
 * Longest fast-check schedule by default. Measured (src/drive/modes.test.ts, default seed,
 * 1,000 runs): every shipped Paxos mutant is found with schedules of 60 steps, several
 * (the two-round ones) not with 20.
 */
export const FASTCHECK_MAX_STEPS = 60;

/** Restarts per path when not told: random and fast-check walks restart a crashed node once. */
export const defaultRestarts = (mode: PathMode) => (mode === 'random' || mode === 'fastcheck' ? 1 : 0);

export interface DriveOptions {
  mode: PathMode;
  /** Model size; coverage defaults to 'small' (it explores exhaustively). */
  size?: DriveSize;
  /** Random walks / fast-check runs (coverage: a cap on paths). */
  budget?: number;
  maxSteps?: number;
  seed?: number;
  /** Crash-restarts per path (the model's restart budget); default: defaultRestarts(mode). */
  restarts?: number;
  /** Drive every path and list every distinct divergence instead of stopping at the first. */
  keepGoing?: boolean;
  /** replay: the saved path's steps, as describeStep prints them. */
  replay?: SavedPath;
}

/** A path saved by `drive --path-out`, replayed by `--replay`: steps as the driver describes them. */
export interface SavedPath {
  format: 'coordkit-drive-path';
  protocol: string;
  size: DriveSize;
  restarts: number;
  steps: string[];
}

export interface DriveReport {
  protocol: string;
  implementation: string;
  mode: PathMode;
  system: string;
  size: DriveSize;
  restarts: number;
  paths: number;
  steps: number;
  /** Steps (deliveries, events, restarts) taken by the implementation under test. Zero is never a pass. */
  stepsUnderTest: number;
  elapsedMs: number;
  pathsPerSecond: number;
  /** coverage: edges of the explored graph and how many were driven. */
  coverage?: { states: number; edges: number; driven: number; plannedPaths: number; complete: boolean; offPlan: number };
  /** What the paths exercised: steps by kind (delivered message types, faults) and distinct model states (counted up to 200,000). */
  exercised: { kinds: Record<string, number>; states: number };
  /** Differences the protocol allows (resends, no-obligation messages, other Phase2a values), with counts. */
  allowed: Record<string, number>;
  /** The first divergence (after shrinking, in fast-check and coverage), or null. */
  divergence: Divergence | null;
  /** Every distinct divergence with how often it was seen (the first only, unless keepGoing). */
  divergences: { divergence: Divergence; count: number }[];
  /** fast-check: schedule length before and after shrinking. */
  shrunk?: { from: number; to: number };
}

/**
 * Walks favour protocol steps (deliveries, environment events) over faults and ignored
 * deliveries: uniform choice spends most steps losing and duplicating messages and rarely
 * gets two proposers far enough to conflict.
 */
export function stepWeight(step: DriveStep): number {
  if (step.kind === 'ignored') return 0.25;
  const kind = kindOf(step.action);
  return kind === 'deliver' || kind === 'offer' ? 1 : 0.15;
}

/** The option at `r` (in [0, 1)) of the options' cumulative weights. */
function weighted(os: readonly DriveStep[], r: number): DriveStep {
  const weights = os.map(stepWeight);
  let x = r * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < os.length; i++) if ((x -= weights[i]) < 0) return os[i];
  return os[os.length - 1];
}

export const randomChooser = (rng: () => number): Chooser => (options) => {
  const os = options();
  return os.length === 0 ? null : weighted(os, rng());
};

const CHOICE_RANGE = 1 << 16;
/**
 * Step k takes the option at choices[k] / 2^16 of the weighted options (deliveries
 * weigh most, as in random walks); the schedule ends with the list. Shrinking a choice
 * towards 0 moves it to the first option.
 */
export const scheduleChooser = (choices: readonly number[]): Chooser => (options, depth) => {
  if (depth >= choices.length) return null;
  const os = options();
  return os.length === 0 ? null : weighted(os, (choices[depth] % CHOICE_RANGE) / CHOICE_RANGE);
};

/** Replays a saved path by its step descriptions; a step the model does not offer ends it with an error. */
export function replayChooser(system: ComposedSystem, saved: SavedPath, missing: (k: number) => void): Chooser {
  return (options, depth) => {
    if (depth >= saved.steps.length) return null;
    const step = options().find((s) => describeStep(system, s) === saved.steps[depth]);
    if (!step) { missing(depth); return null; }
    return step;
  };
}

/**
 * Composed systems and coverage plans, per protocol, size and restarts. A composed system
 * only memoizes pure transitions, so drives of different implementations can share it.
 */
const systems = new Map<string, { system: ComposedSystem; plan?: CoveragePlan }>();

export function modelFor(binding: ProtocolBinding, size: DriveSize, restarts = 0): { system: ComposedSystem; plan(): CoveragePlan } {
  const key = `${binding.protocol}/${size}/${restarts}`;
  let entry = systems.get(key);
  if (!entry) systems.set(key, (entry = { system: new ComposedSystem(binding.system(size, restarts)) }));
  const e = entry;
  return { system: e.system, plan: () => (e.plan ??= coveragePlan(e.system)) };
}

/** A divergence's identity for --keep-going: the same property broken the same way by the same role. */
function divergenceKey(system: ComposedSystem, d: Divergence): string {
  const actor = system.indexOf(d.node);
  const role = actor === undefined ? d.node : system.spec.actors[actor].role;
  return `${d.class}|${d.property}|${d.what}|${role}`;
}

/** A step's class for coverage counts: "deliver prepare", "event tick", "crash", "ignored accept". */
export function stepKind(system: ComposedSystem, step: DriveStep): string {
  const s = typedStep(system, step);
  if (step.kind === 'ignored' && s.kind === 'deliver') return `ignored ${s.envelope.msg.type}`;
  return s.kind === 'deliver' ? `deliver ${s.envelope.msg.type}` : s.kind === 'offer' ? `event ${s.event.type}` : s.kind;
}

export async function drive(binding: ProtocolBinding, adapter: Adapter, opts: DriveOptions): Promise<DriveReport> {
  const size = opts.replay?.size ?? opts.size ?? (opts.mode === 'coverage' ? 'small' : 'default');
  const restarts = opts.replay?.restarts ?? opts.restarts ?? defaultRestarts(opts.mode);
  const model = modelFor(binding, size, restarts);
  const system = model.system;
  const driver = new Driver(system, binding, adapter);
  const maxSteps = opts.maxSteps ?? (opts.mode === 'fastcheck' ? FASTCHECK_MAX_STEPS : 40);
  const seed = opts.seed ?? 1;
  const started = performance.now();
  const found = new Map<string, { divergence: Divergence; count: number }>();
  let first: Divergence | null = null;
  const extra: Partial<DriveReport> = {};
  const kinds = new Map<string, number>();
  /** Wraps a chooser to tally what it exercised. */
  const counted = (c: Chooser): Chooser => (options, depth) => {
    const s = c(options, depth);
    if (s) {
      const k = stepKind(system, s);
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    return s;
  };
  /** Records a divergence; true when the drive should stop. */
  const record = (d: Divergence | null): boolean => {
    if (!d) return false;
    first ??= d;
    const key = divergenceKey(system, d);
    const f = found.get(key);
    if (f) f.count++;
    else found.set(key, { divergence: d, count: 1 });
    return !opts.keepGoing;
  };
  const run = async (c: Chooser, n: number, known?: readonly Uint32Array[]) => {
    return driver.run(counted(c), n, known);
  };

  if (opts.mode === 'replay') {
    const saved = opts.replay;
    if (!saved) throw new Error('replay mode needs a saved path');
    let missing = -1;
    const d = await run(replayChooser(system, saved, (k) => { missing = k; }), saved.steps.length);
    record(d);
    if (!d && missing >= 0) {
      record({
        step: missing + 1, node: '-', description: saved.steps[missing], what: 'error', class: 'error', property: 'drive.replay',
        why: `step ${missing + 1} of the saved path is not enabled in the model here: ${saved.steps[missing]}`,
        expected: { outputs: [], state: null }, actual: { error: 'step not enabled' }, path: [], events: [],
      });
    }
  } else if (opts.mode === 'coverage') {
    const plan = model.plan();
    const paths = opts.budget === undefined ? plan.paths : plan.paths.slice(0, opts.budget);
    let driven = 0;
    let stopped = false;
    for (const p of paths) {
      let d = await run(fixedPath(p.steps), p.steps.length, p.states);
      if (d && !opts.keepGoing && first === null) d = await shortestDivergence(driver, plan, p, d);
      if (record(d)) { stopped = true; break; }
      if (!d) driven += p.steps.length;
    }
    // `driven` counts steps of the paths that kept up; all edges are taken only by the full plan.
    const complete = !stopped && found.size === 0 && driver.offPlan === 0 && paths.length === plan.paths.length;
    extra.coverage = { states: plan.states, edges: plan.edges, driven: complete ? plan.edges : driven, plannedPaths: plan.paths.length, complete, offPlan: driver.offPlan };
  } else if (opts.mode === 'random') {
    const rng = seeded(seed);
    const walks = opts.budget ?? 2000;
    for (let i = 0; i < walks; i++) if (record(await run(randomChooser(rng), maxSteps))) break;
  } else {
    // size 'max': lengths spread over the whole range (fast-check's default size keeps
    // arrays near 10 elements, too short for a second round).
    const schedule = fc.array(fc.nat({ max: CHOICE_RANGE - 1 }), { minLength: 1, maxLength: maxSteps, size: 'max' });
    let firstFailure: number | undefined;
    const result = await fc.check(
      fc.asyncProperty(schedule, async (choices) => {
        const d = await run(scheduleChooser(choices), maxSteps);
        if (d && firstFailure === undefined) firstFailure = d.path.length;
        if (opts.keepGoing) { record(d); return true; }
        return d === null;
      }),
      { numRuns: opts.budget ?? 1000, seed, endOnFailure: false },
    );
    if (result.failed && result.counterexample) {
      const [choices] = result.counterexample;
      const d = await driver.run(scheduleChooser(choices), maxSteps);
      record(d);
      extra.shrunk = { from: firstFailure ?? choices.length, to: d?.path.length ?? choices.length };
    }
  }

  const elapsedMs = performance.now() - started;
  return {
    protocol: binding.protocol, implementation: adapter.name, mode: opts.mode, system: system.spec.name, size, restarts,
    paths: driver.paths, steps: driver.steps, stepsUnderTest: adapter.stepsUnderTest ?? driver.nodeSteps,
    elapsedMs, pathsPerSecond: driver.paths / (elapsedMs / 1000),
    exercised: { kinds: Object.fromEntries([...kinds].sort()), states: driver.visited.size },
    allowed: Object.fromEntries([...driver.allowed].sort()),
    divergence: first, divergences: [...found.values()], ...extra,
  };
}

/** The path of a divergence, for --path-out and --replay. */
export function savePath(system: ComposedSystem, report: DriveReport, d: Divergence): SavedPath {
  return { format: 'coordkit-drive-path', protocol: report.protocol, size: report.size, restarts: report.restarts, steps: d.path.map((s) => describeStep(system, s)) };
}

/** Replays the shortest path to the diverging edge; reports it instead if it diverges too. */
async function shortestDivergence(driver: Driver, plan: CoveragePlan, p: { steps: Divergence['path']; states: Uint32Array[] }, d: Divergence): Promise<Divergence> {
  const k = d.step - 1;
  if (k < 0) return d;
  const before = k === 0 ? driver.system.initial() : p.states[k - 1];
  const at = plan.edgeOf(before, p.steps[k]);
  if (!at) return d;
  const short = plan.shortestTo(at.state, at.edge);
  if (short.steps.length >= d.path.length) return d;
  return (await driver.run(fixedPath(short.steps), short.steps.length, short.states)) ?? d;
}
