import { checkModels } from '../check/models.js';
import { runCheck } from '../check/runner.js';
import { exploredGraph } from './explored-graph.js';
export function findCheckModel(name) {
    const model = checkModels.find((m) => m.name === name);
    if (!model)
        throw new Error(`no check model named '${name}' (known: ${checkModels.map((m) => m.name).join(', ')})`);
    return model;
}
/** Every configuration the check models register as their defaults. */
export function defaultConfigurations() {
    return checkModels.flatMap((m) => m.defaults.map((d) => ({ model: m.name, label: d.label, opts: d.opts })));
}
/** Option values as commander would fill them: the model's defaults, overridden by `opts`. */
function withDefaults(model, opts) {
    const filled = {};
    for (const option of model.options()) {
        if (option.defaultValue !== undefined)
            filled[option.attributeName()] = option.defaultValue;
    }
    return { ...filled, ...opts };
}
const violatedOf = (run) => run.summary.properties.filter((p) => p.status === 'violated');
function graphOf(run, request) {
    if (!request || run.result.states > request.maxStates)
        return undefined;
    const props = run.result.properties;
    const target = request.highlight === 'violation'
        ? props.find((p) => p.status === 'violated' && p.path)
        : props.find((p) => p.status === 'reached' && p.path);
    return exploredGraph(run.system, run.result.store, {
        path: target?.path, violation: request.highlight === 'violation' && target !== undefined, maxNodes: request.maxNodes,
    });
}
function execute(config, extra, name, hooks) {
    const model = findCheckModel(config.model);
    const spec = model.build(withDefaults(model, { ...config.opts, ...extra }));
    const run = runCheck(name, spec, { strategy: 'bfs', maxDepth: config.maxDepth, traceDir: hooks.traceDir, onProgress: hooks.onProgress });
    // The result stands; a counterexample file that could not be written is said, not lost silently.
    for (const e of run.summary.writeErrors)
        process.stderr.write(`coordkit: ${e}\n`);
    return run;
}
function counterexamplesOf(run) {
    return [...run.counterexamples].map(([property, cx]) => ({ property, cx }));
}
/** A correct configuration: every invariant must hold and every reachability property be reached. */
export function checkConfiguration(config, hooks = {}, graph) {
    const run = execute(config, {}, config.model, hooks);
    // Only a complete search passes: a bounded or stopped one is as expected only where the
    // configuration asks for a bound and says so (its note says what it left out).
    const expected = config.expect ?? 'pass';
    const { verdict, verdictNote } = run.summary;
    const asExpected = verdict === expected;
    const broken = run.summary.properties.filter((p) => p.status === 'violated' || p.status === 'unreached').map((p) => p.name);
    const detail = verdict === 'pass' ? `${asExpected ? '' : 'unexpected: PASS: '}every property holds`
        : verdict === 'fail' ? `unexpected: ${broken.join(', ')}`
            : `${asExpected ? '' : 'unexpected: '}${verdict.toUpperCase()}: ${verdictNote}`;
    return {
        model: config.model, label: config.label, expected, summary: run.summary,
        counterexamples: counterexamplesOf(run), asExpected,
        detail,
        graph: graphOf(run, graph),
    };
}
/**
 * A mutant is caught when some invariant is violated. The configurations are tried in
 * order (cheapest first) until one catches it; the outcome is that run's.
 */
export function catchMutant(mutant, configs, hooks = {}, graph) {
    if (configs.length === 0)
        throw new Error('catchMutant: no configurations to try');
    const tried = [];
    let outcome;
    for (const config of configs) {
        tried.push(config.label);
        const run = execute(config, { mutant: mutant.name }, `${config.model}-mutant-${mutant.name}`, hooks);
        const violated = violatedOf(run);
        const caught = violated.length > 0;
        outcome = {
            model: config.model, label: config.label,
            mutant: { name: mutant.name, description: mutant.description, role: mutant.role },
            expected: 'caught', summary: run.summary, counterexamples: counterexamplesOf(run), asExpected: caught,
            detail: caught
                ? `caught: ${violated.map((p) => `${p.name} violated in ${p.depth} steps`).join(', ')}`
                : `not caught by ${tried.join('; ')}${run.summary.complete ? '' : ` (${run.summary.verdict.toUpperCase()}: ${run.summary.verdictNote})`}`,
            graph: caught ? graphOf(run, graph) : undefined,
            tried: [...tried],
        };
        if (caught)
            break;
    }
    return outcome;
}
