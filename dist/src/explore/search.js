import { fingerprint, rawFingerprint, updateFingerprint } from './fingerprint.js';
import { FingerprintSet } from './fingerprint-set.js';
import { PropertyEvaluator } from './property-evaluator.js';
import { StateStore } from './state-store.js';
import { SymmetryReducer } from './symmetry.js';
/** Expansions between two looks at the clock, the interrupt flag and progress (a power of two). */
const POLL_EVERY = 256;
/** Expansions between two reads of the resident memory (a system call; a power of two). */
const MEMORY_CHECK_EVERY = 4096;
/** How long `searchAsync` runs before it lets the event loop (signal handlers) in. */
const SLICE_MS = 50;
/** Runs a whole search synchronously. */
export function search(system, options) {
    const run = startSearch(system, options);
    run.advance();
    return run.finish();
}
/** Runs a whole search, yielding to the event loop every ~50 ms so signal handlers run. */
export async function searchAsync(system, options) {
    const run = startSearch(system, options);
    while (!run.advance(performance.now() + SLICE_MS))
        await new Promise((resolve) => setImmediate(resolve));
    return run.finish();
}
export function startSearch(system, options) {
    const started = performance.now();
    const resume = options.resume;
    if (resume && resume.strategy !== options.strategy)
        throw new Error(`checkpoint was taken with ${resume.strategy}, not ${options.strategy}`);
    const fp = { hi: 0, lo: 0 };
    const parentFp = { hi: 0, lo: 0 };
    const props = system.spec.properties;
    const store = resume?.store ?? new StateStore(system.width);
    const expander = options.expander ?? null;
    if (expander && (options.strategy !== 'bfs' || options.symmetry))
        throw new Error('parallel expansion is for breadth-first search without symmetry reduction');
    const visited = expander?.visited ?? new FingerprintSet(Math.max(1 << 16, store.size * 2));
    const results = resume
        ? resume.properties.filter((p) => p.kind !== 'deadlock').map((p) => ({ ...p }))
        : props.map((p) => ({ name: p.name, kind: p.kind, description: p.description, status: p.kind === 'invariant' ? 'holds' : 'unreached' }));
    const deadlock = resume?.properties.find((p) => p.kind === 'deadlock')
        ?? { name: 'deadlock-free', kind: 'deadlock', description: 'every state has a successor', status: 'holds' };
    let transitions = resume?.transitions ?? 0;
    let maxDepth = resume?.maxDepth ?? 0;
    let cut = resume?.cut ?? false;
    let stopReason = null;
    const priorMs = resume?.elapsedMs ?? 0;
    const interval = options.progressIntervalMs ?? 1000;
    if (options.symmetry && !system.spec.symmetry)
        throw new Error(`${system.spec.name} declares no symmetry`);
    const reducer = options.symmetry ? new SymmetryReducer(system, system.spec.symmetry) : null;
    let statesUnreduced = resume?.statesUnreduced ?? 0;
    /**
     * Marks the state visited, by its canonical form under symmetry; false if seen before.
     * A successor of the state being expanded is fingerprinted incrementally from it.
     */
    const visit = (v, parent = null) => {
        if (!reducer) {
            if (parent)
                updateFingerprint(parent, v, parentFp, fp);
            else
                fingerprint(v, 0, v.length, fp);
            return visited.add(fp.hi, fp.lo);
        }
        const { form, orbit } = reducer.canonical(v);
        fingerprint(form, 0, form.length, fp);
        if (!visited.add(fp.hi, fp.lo))
            return false;
        statesUnreduced += orbit;
        return true;
    };
    let nextProgress = started + interval;
    const evaluator = new PropertyEvaluator(system, props);
    results.forEach((r, k) => {
        evaluator.open[k] = r.status === 'holds' || r.status === 'unreached' ? 1 : 0;
    });
    /** Checks the properties on a newly found state; returns false to stop the search. */
    const check = (index, vector, parent) => {
        evaluator.evaluate(vector, parent);
        let keepGoing = true;
        for (const k of evaluator.evaluated) {
            const value = evaluator.values[k];
            if (props[k].kind === 'invariant' ? value === true : value !== true)
                continue;
            evaluator.open[k] = 0;
            if (props[k].kind === 'reachable') {
                Object.assign(results[k], { status: 'reached', path: store.pathTo(index) });
            }
            else {
                Object.assign(results[k], { status: 'violated', message: value, path: store.pathTo(index) });
                if (!options.continueAfterViolation)
                    keepGoing = false;
            }
        }
        return keepGoing;
    };
    // Frontier: BFS reads the store in discovery order; DFS keeps a stack of indices.
    const stack = resume ? [...resume.stack] : [];
    let head = resume?.head ?? 0;
    if (resume) {
        const before = statesUnreduced;
        const v = new Uint32Array(store.width);
        for (let i = 0; i < store.size; i++)
            visit(store.read(i, v));
        statesUnreduced = before;
    }
    else {
        const init = system.initial();
        visit(init);
        store.push(init, -1, 0, 0);
        if (options.strategy === 'dfs')
            stack.push(0);
        if (!check(0, init, null))
            stopReason = 'violation';
    }
    let current = new Uint32Array(store.width);
    const elapsed = () => priorMs + performance.now() - started;
    const report = () => {
        nextProgress = performance.now() + interval;
        const elapsedMs = elapsed();
        options.onProgress?.({
            states: store.size, transitions, depth: maxDepth,
            queue: options.strategy === 'dfs' ? stack.length : store.size - head,
            elapsedMs, statesPerSecond: store.size / (elapsedMs / 1000),
        });
    };
    // The successor callback is created once: closures made per state cost more than the work.
    let successors = 0;
    let expanding = 0;
    let expandingDepth = 0;
    const onSuccessor = (action, next) => {
        successors++;
        if (stopReason)
            return;
        transitions++;
        if (!visit(next, current))
            return;
        const child = store.push(next, expanding, action, expandingDepth + 1);
        if (expandingDepth + 1 > maxDepth)
            maxDepth = expandingDepth + 1;
        if (options.strategy === 'dfs')
            stack.push(child);
        if (!check(child, next, current))
            stopReason = 'violation';
    };
    /** A successor a worker found new (already in the shared visited set). */
    const onFresh = (action, next) => {
        if (stopReason)
            return;
        const child = store.push(next, expanding, action, expandingDepth + 1);
        if (expandingDepth + 1 > maxDepth)
            maxDepth = expandingDepth + 1;
        if (!check(child, next, current))
            stopReason = 'violation';
    };
    let expansions = 0;
    let ended = false;
    const advance = (until = Infinity) => {
        if (ended)
            return true;
        // A signal handled while the loop was out (between slices, or before the first) stops here.
        if (!stopReason && options.interrupted?.())
            stopReason = 'interrupted';
        ended = expand(until);
        return ended;
    };
    /** The search loop; returns false when it paused at `until`, true when the search is over. */
    const expand = (until) => {
        while (!stopReason) {
            let index;
            if (options.strategy === 'dfs') {
                if (stack.length === 0)
                    break;
                index = stack.pop();
            }
            else {
                if (head === store.size)
                    break;
                index = head++;
            }
            const depth = store.depth(index);
            if (options.maxDepth !== undefined && depth >= options.maxDepth) {
                cut = true;
                continue;
            }
            if (current.length !== store.width)
                current = new Uint32Array(store.width);
            store.read(index, current);
            if (!reducer)
                rawFingerprint(current, parentFp);
            successors = 0;
            expanding = index;
            expandingDepth = depth;
            const replayed = expander ? expander.replay(index, store, onFresh) : -1;
            if (replayed >= 0) {
                successors = replayed;
                if (!stopReason)
                    transitions += replayed;
            }
            else {
                system.successors(current, onSuccessor);
            }
            if (successors === 0 && options.deadlock && deadlock.status === 'holds') {
                Object.assign(deadlock, { status: 'violated', message: 'no step is possible', path: store.pathTo(index) });
                if (!options.continueAfterViolation)
                    stopReason = 'violation';
            }
            if (options.maxStates !== undefined && store.size >= options.maxStates && !stopReason)
                stopReason = 'state-limit';
            if ((++expansions & (POLL_EVERY - 1)) === 0 && !stopReason) {
                if ((expansions & (MEMORY_CHECK_EVERY - 1)) === 0) {
                    if (options.maxMemoryBytes !== undefined && process.memoryUsage.rss() > options.maxMemoryBytes)
                        stopReason = 'memory';
                    if (expander?.visited.full)
                        stopReason = 'memory';
                }
                if (options.interrupted?.())
                    stopReason = 'interrupted';
                const now = performance.now();
                if (options.onProgress && now >= nextProgress)
                    report();
                // Between two expansions the search state is whole: a pause here (or a checkpoint) is safe.
                if (now >= until && !stopReason)
                    return false;
            }
        }
        return true;
    };
    const finish = () => {
        if (!ended)
            throw new Error('finish() before the search ended');
        expander?.close();
        if (options.onProgress)
            report();
        stopReason ??= cut ? 'depth-bound' : 'exhausted';
        const elapsedMs = elapsed();
        const properties = options.deadlock ? [...results, deadlock] : results;
        return {
            system: system.spec.name,
            strategy: options.strategy,
            states: store.size,
            statesUnreduced: reducer ? statesUnreduced : store.size,
            symmetryGroup: reducer?.group ?? 1,
            transitions,
            depth: maxDepth,
            elapsedMs,
            complete: stopReason === 'exhausted',
            stopReason,
            properties,
            store,
            fingerprintBytes: visited.bytes,
            snapshot: () => ({
                strategy: options.strategy, store, head, stack: [...stack], transitions, maxDepth, cut, elapsedMs, statesUnreduced,
                properties: properties.map((p) => ({ ...p })),
            }),
        };
    };
    return { advance, finish };
}
