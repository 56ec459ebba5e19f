/**
 * Path selection: transition coverage of the explored graph, seeded random walks over the
 * composed system, and fast-check schedules (a list of choices, shrunk by fast-check to a
 * minimal diverging one). Each mode stops at the first divergence.
 */
import fc from 'fast-check';
import { ComposedSystem, decodeAction } from '../explore/compose.js';
import { coveragePlan } from './coverage.js';
import { Driver, fixedPath } from './driver.js';
import { seeded } from '../impl/random.js';
export const PATH_MODES = ['coverage', 'random', 'fastcheck'];
/**
 * Walks favour protocol steps (deliveries, environment events) over faults and ignored
 * deliveries: uniform choice spends most steps losing and duplicating messages and rarely
 * gets two proposers far enough to conflict.
 */
export function stepWeight(step) {
    if (step.kind === 'ignored')
        return 0.25;
    const { kind } = decodeAction(step.action);
    return kind === 0 /* ActionKind.Deliver */ || kind === 1 /* ActionKind.Offer */ ? 1 : 0.15;
}
export const randomChooser = (rng) => (options) => {
    const os = options();
    if (os.length === 0)
        return null;
    const weights = os.map(stepWeight);
    let r = rng() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < os.length; i++)
        if ((r -= weights[i]) < 0)
            return os[i];
    return os[os.length - 1];
};
/** Step k takes option choices[k] modulo the number of options; the schedule ends with the list. */
export const scheduleChooser = (choices) => (options, depth) => {
    if (depth >= choices.length)
        return null;
    const os = options();
    return os.length === 0 ? null : os[choices[depth] % os.length];
};
/**
 * Composed systems and coverage plans, per protocol and size. A composed system only
 * memoizes pure transitions, so drives of different implementations can share it.
 */
const systems = new Map();
export function modelFor(binding, size) {
    const key = `${binding.protocol}/${size}`;
    let entry = systems.get(key);
    if (!entry)
        systems.set(key, (entry = { system: new ComposedSystem(binding.system(size)) }));
    const e = entry;
    return { system: e.system, plan: () => (e.plan ??= coveragePlan(e.system)) };
}
export async function drive(binding, adapter, opts) {
    const size = opts.size ?? (opts.mode === 'coverage' ? 'small' : 'default');
    const model = modelFor(binding, size);
    const system = model.system;
    const driver = new Driver(system, binding, adapter);
    const maxSteps = opts.maxSteps ?? 40;
    const seed = opts.seed ?? 1;
    const started = performance.now();
    let divergence = null;
    const extra = {};
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
    }
    else if (opts.mode === 'random') {
        const rng = seeded(seed);
        const walks = opts.budget ?? 2000;
        for (let i = 0; i < walks && !divergence; i++)
            divergence = await driver.run(randomChooser(rng), maxSteps);
    }
    else {
        const schedule = fc.array(fc.nat({ max: 1 << 16 }), { minLength: 1, maxLength: maxSteps });
        let firstFailure;
        const result = await fc.check(fc.asyncProperty(schedule, async (choices) => {
            const d = await driver.run(scheduleChooser(choices), maxSteps);
            if (d && firstFailure === undefined)
                firstFailure = d.path.length;
            return d === null;
        }), { numRuns: opts.budget ?? 1000, seed, endOnFailure: false });
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
async function shortestDivergence(driver, plan, p, d) {
    const k = d.step - 1;
    if (k < 0)
        return d;
    const before = k === 0 ? driver.system.initial() : p.states[k - 1];
    const at = plan.edgeOf(before, p.steps[k]);
    if (!at)
        return d;
    const short = plan.shortestTo(at.state, at.edge);
    if (short.steps.length >= d.path.length)
        return d;
    return (await driver.run(fixedPath(short.steps), short.steps.length, short.states)) ?? d;
}
