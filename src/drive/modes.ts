/**
 * Path selection: transition coverage of the explored graph, seeded random walks over the
 * composed system, and fast-check schedules (a list of choices, shrunk by fast-check to a
 * minimal diverging one). Each mode stops at the first divergence.
 */
import fc from 'fast-check';
import { ActionKind, ComposedSystem, decodeAction } from '../explore/compose.ts';
import type { DriveStep } from './steps.ts';
import type { Adapter } from './adapter.ts';
import type { DriveSize, ProtocolBinding } from './binding.ts';
import { coveragePlan, type CoveragePlan } from './coverage.ts';
import { Driver, fixedPath, type Chooser, type Divergence } from './driver.ts';
import { seeded } from '../impl/random.ts';

export type PathMode = 'coverage' | 'random' | 'fastcheck';
export const PATH_MODES: readonly PathMode[] = ['coverage', 'random', 'fastcheck'];

export interface DriveOptions {
  mode: PathMode;
  /** Model size; coverage defaults to 'small' (it explores exhaustively). */
  size?: DriveSize;
  /** Random walks / fast-check runs (coverage: a cap on paths). */
  budget?: number;
  maxSteps?: number;
  seed?: number;
}

export interface DriveReport {
  protocol: string;
  implementation: string;
  mode: PathMode;
  system: string;
  paths: number;
  steps: number;
  elapsedMs: number;
  pathsPerSecond: number;
  /** coverage: edges of the explored graph and how many were driven. */
  coverage?: { states: number; edges: number; driven: number; plannedPaths: number; complete: boolean };
  divergence: Divergence | null;
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
  const { kind } = decodeAction(step.action);
  return kind === ActionKind.Deliver || kind === ActionKind.Offer ? 1 : 0.15;
}

export const randomChooser = (rng: () => number): Chooser => (options) => {
  const os = options();
  if (os.length === 0) return null;
  const weights = os.map(stepWeight);
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < os.length; i++) if ((r -= weights[i]) < 0) return os[i];
  return os[os.length - 1];
};

/** Step k takes option choices[k] modulo the number of options; the schedule ends with the list. */
export const scheduleChooser = (choices: readonly number[]): Chooser => (options, depth) => {
  if (depth >= choices.length) return null;
  const os = options();
  return os.length === 0 ? null : os[choices[depth] % os.length];
};

/**
 * Composed systems and coverage plans, per protocol and size. A composed system only
 * memoizes pure transitions, so drives of different implementations can share it.
 */
const systems = new Map<string, { system: ComposedSystem; plan?: CoveragePlan }>();

export function modelFor(binding: ProtocolBinding, size: DriveSize): { system: ComposedSystem; plan(): CoveragePlan } {
  const key = `${binding.protocol}/${size}`;
  let entry = systems.get(key);
  if (!entry) systems.set(key, (entry = { system: new ComposedSystem(binding.system(size)) }));
  const e = entry;
  return { system: e.system, plan: () => (e.plan ??= coveragePlan(e.system)) };
}

export async function drive(binding: ProtocolBinding, adapter: Adapter, opts: DriveOptions): Promise<DriveReport> {
  const size = opts.size ?? (opts.mode === 'coverage' ? 'small' : 'default');
  const model = modelFor(binding, size);
  const system = model.system;
  const driver = new Driver(system, binding, adapter);
  const maxSteps = opts.maxSteps ?? 40;
  const seed = opts.seed ?? 1;
  const started = performance.now();
  let divergence: Divergence | null = null;
  const extra: Partial<DriveReport> = {};

  if (opts.mode === 'coverage') {
    const plan = model.plan();
    const paths = opts.budget === undefined ? plan.paths : plan.paths.slice(0, opts.budget);
    let driven = 0;
    for (const p of paths) {
      divergence = await driver.run(fixedPath(p.steps), p.steps.length, p.states);
      if (divergence) {
        divergence = await shortestDivergence(driver, plan, p, divergence);
        break;
      }
      driven += p.steps.length;
    }
    // `driven` counts steps of the paths that kept up; all edges are taken only by the full plan.
    const complete = !divergence && paths.length === plan.paths.length;
    extra.coverage = { states: plan.states, edges: plan.edges, driven: complete ? plan.edges : driven, plannedPaths: plan.paths.length, complete };
  } else if (opts.mode === 'random') {
    const rng = seeded(seed);
    const walks = opts.budget ?? 2000;
    for (let i = 0; i < walks && !divergence; i++) divergence = await driver.run(randomChooser(rng), maxSteps);
  } else {
    const schedule = fc.array(fc.nat({ max: 1 << 16 }), { minLength: 1, maxLength: maxSteps });
    let firstFailure: number | undefined;
    const result = await fc.check(
      fc.asyncProperty(schedule, async (choices) => {
        const d = await driver.run(scheduleChooser(choices), maxSteps);
        if (d && firstFailure === undefined) firstFailure = d.path.length;
        return d === null;
      }),
      { numRuns: opts.budget ?? 1000, seed, endOnFailure: false },
    );
    if (result.failed && result.counterexample) {
      const [choices] = result.counterexample;
      divergence = await driver.run(scheduleChooser(choices), maxSteps);
      extra.shrunk = { from: firstFailure ?? choices.length, to: divergence?.path.length ?? choices.length };
    }
  }

  const elapsedMs = performance.now() - started;
  return {
    protocol: binding.protocol, implementation: adapter.name, mode: opts.mode, system: system.spec.name,
    paths: driver.paths, steps: driver.steps, elapsedMs, pathsPerSecond: driver.paths / (elapsedMs / 1000),
    divergence, ...extra,
  };
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
