/**
 * Explicit-state search over a composed system: BFS (shortest counterexamples) or DFS,
 * a visited set of 64-bit fingerprints, invariants, reachability checks against vacuity,
 * deadlock detection, a depth bound, a memory cap with a clean stop, and checkpoints
 * from which a search resumes where it stopped.
 *
 * A search runs in slices (`startSearch(...).advance(until)`): `search` runs one slice
 * to the end; `searchAsync` gives the event loop a turn between slices of ~50 ms, so a
 * SIGINT or SIGTERM handler (which only runs when the loop gets control) can stop it.
 */
import { ComposedSystem } from './compose.ts';
import { fingerprint, rawFingerprint, updateFingerprint, type Fingerprint } from './fingerprint.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import type { ParallelExpander } from './parallel.ts';
import { PropertyEvaluator } from './property-evaluator.ts';
import { StateStore } from './state-store.ts';
import { SuccessorBatch } from './successor-batch.ts';
import { canonicalForm, type CanonicalFormKind } from './symmetry.ts';
import { checkDeclaredSymmetry } from './symmetry-guard.ts';
import type { Property } from './spec.ts';

export type Strategy = 'bfs' | 'dfs';

export interface SearchOptions {
  strategy: Strategy;
  /** States deeper than this are not expanded; the run is then marked incomplete. */
  maxDepth?: number;
  /** Report states without successors as deadlocks. */
  deadlock?: boolean;
  /** Keep going after the first invariant violation (one counterexample per property). */
  continueAfterViolation?: boolean;
  /** Stop cleanly, with partial statistics, once the process's resident memory exceeds this. */
  maxMemoryBytes?: number;
  /** Stop cleanly once this many distinct states are stored (e.g. to checkpoint a slice). */
  maxStates?: number;
  /** Polled every few hundred expansions; true stops the search cleanly (e.g. on Ctrl-C). */
  interrupted?: () => boolean;
  /** Called about once a second (progressIntervalMs). */
  onProgress?: (p: Progress) => void;
  progressIntervalMs?: number;
  /** Continue a search saved by `checkpoint()` instead of starting from the initial state. */
  resume?: SearchSnapshot;
  /** Explore one state per orbit under the system's declared symmetry (spec.symmetry). */
  symmetry?: boolean;
  /**
   * With `symmetry`: the canonical form, the least image under every renaming or under
   * those that sort a group of actors by key (cheaper for large groups); default by size.
   */
  canonicalForm?: CanonicalFormKind;
  /**
   * BFS only: expand upcoming states in worker threads (more cores; see parallel.ts for what stays the same); from
   * `await ParallelExpander.start(system, ...)`. The search closes it.
   */
  expander?: ParallelExpander;
}

export interface Progress {
  states: number;
  transitions: number;
  depth: number;
  queue: number;
  elapsedMs: number;
  statesPerSecond: number;
}

export interface PropertyResult {
  name: string;
  kind: Property['kind'] | 'deadlock';
  description: string;
  /** invariant: holds / violated; reachable: reached / unreached. */
  status: 'holds' | 'violated' | 'reached' | 'unreached';
  message?: string;
  /** State indices from the initial state to the witness or violation. */
  path?: number[];
}

/** Why the search ended. Anything but 'exhausted' means some states were not explored. */
export type StopReason = 'exhausted' | 'violation' | 'depth-bound' | 'memory' | 'state-limit' | 'interrupted';

export interface SearchResult {
  system: string;
  strategy: Strategy;
  /** Distinct states explored (one per orbit under symmetry reduction). */
  states: number;
  /** Distinct states the unreduced search would find: the sum of the explored orbits' sizes. */
  statesUnreduced: number;
  /** Size of the symmetry group used, 1 without reduction. */
  symmetryGroup: number;
  transitions: number;
  depth: number;
  elapsedMs: number;
  /** True only if every reachable state (within no bound) was explored. */
  complete: boolean;
  stopReason: StopReason;
  properties: PropertyResult[];
  store: StateStore;
  /** Bytes of the visited set (fingerprints). */
  fingerprintBytes: number;
  /**
   * Bytes of the queue: the state store, which breadth-first search reads as its queue and
   * which keeps every state for counterexample paths, and under symmetry the images kept
   * for states not yet expanded.
   */
  queueBytes: number;
  /** Everything needed to resume; see checkpoint.ts for writing it to a file. */
  snapshot(): SearchSnapshot;
}

/** The whole search state between two expansions. */
export interface SearchSnapshot {
  strategy: Strategy;
  store: StateStore;
  /** BFS: next index to expand. DFS: the stack. */
  head: number;
  stack: number[];
  transitions: number;
  maxDepth: number;
  cut: boolean;
  elapsedMs: number;
  properties: PropertyResult[];
  statesUnreduced: number;
}

/** Expansions between two looks at the clock, the interrupt flag and progress (a power of two). */
const POLL_EVERY = 256;
/** Expansions between two reads of the resident memory (a system call; a power of two). */
const MEMORY_CHECK_EVERY = 4096;
/** How long `searchAsync` runs before it lets the event loop (signal handlers) in. */
const SLICE_MS = 50;

/** A search in progress: `advance` explores until `until` (performance.now()) or the end. */
export interface SearchRun {
  /** Explores until the clock passes `until` (checked every few hundred expansions); true once the search has ended. */
  advance(until?: number): boolean;
  /** The result; call once `advance` returned true. */
  finish(): SearchResult;
}

/** Runs a whole search synchronously. */
export function search(system: ComposedSystem, options: SearchOptions): SearchResult {
  const run = startSearch(system, options);
  run.advance();
  return run.finish();
}

/** Runs a whole search, yielding to the event loop every ~50 ms so signal handlers run. */
export async function searchAsync(system: ComposedSystem, options: SearchOptions): Promise<SearchResult> {
  const run = startSearch(system, options);
  while (!run.advance(performance.now() + SLICE_MS)) await new Promise<void>((resolve) => setImmediate(resolve));
  return run.finish();
}

export function startSearch(system: ComposedSystem, options: SearchOptions): SearchRun {
  const started = performance.now();
  const resume = options.resume;
  if (resume && resume.strategy !== options.strategy) throw new Error(`checkpoint was taken with ${resume.strategy}, not ${options.strategy}`);
  const fp: Fingerprint = { hi: 0, lo: 0 };
  const parentFp: Fingerprint = { hi: 0, lo: 0 };
  const props = system.spec.properties;
  const store = resume?.store ?? new StateStore(system.width);
  const expander = options.expander ?? null;
  if (expander && (options.strategy !== 'bfs' || options.symmetry)) throw new Error('parallel expansion is for breadth-first search without symmetry reduction');
  type Visited = { add(hi: number, lo: number): boolean; touch(hi: number, lo: number): number; readonly bytes: number };
  const own: Visited | null = expander ? null : new FingerprintSet(Math.max(1 << 16, store.size * 2));
  /** The visited set: the expander's is shared with its workers, and replaced when it grows. */
  const visitedSet = (): Visited => own ?? expander!.visited;
  const results: PropertyResult[] = resume
    ? resume.properties.filter((p) => p.kind !== 'deadlock').map((p) => ({ ...p }))
    : props.map((p) => ({ name: p.name, kind: p.kind, description: p.description, status: p.kind === 'invariant' ? 'holds' : 'unreached' }));
  const deadlock: PropertyResult = resume?.properties.find((p) => p.kind === 'deadlock')
    ?? { name: 'deadlock-free', kind: 'deadlock', description: 'every state has a successor', status: 'holds' };
  let transitions = resume?.transitions ?? 0;
  let maxDepth = resume?.maxDepth ?? 0;
  let cut = resume?.cut ?? false;
  let stopReason: StopReason | null = null;
  const priorMs = resume?.elapsedMs ?? 0;
  const interval = options.progressIntervalMs ?? 1000;
  if (options.symmetry && !system.spec.symmetry) throw new Error(`${system.spec.name} declares no symmetry`);
  const reducer = options.symmetry ? canonicalForm(system, system.spec.symmetry!, options.canonicalForm) : null;
  // A declared symmetry that does not hold would prune states silently: spot-check it first.
  if (reducer) checkDeclaredSymmetry(system, reducer.tables);
  let statesUnreduced = resume?.statesUnreduced ?? 0;
  /**
   * Marks the state visited, by its canonical form under symmetry; false if seen before.
   * A successor of the state being expanded is fingerprinted incrementally from it (here
   * under symmetry, in onSuccessor without), and one equal to it (a self-loop: about a
   * third of Paxos.tla's steps, since its messages are never removed) is not new, so it
   * costs neither a probe nor a canonical form.
   */
  const visit = (v: Uint32Array, parent: Uint32Array | null = null): boolean => {
    if (!reducer) {
      fingerprint(v, 0, v.length, fp);
      return visitedSet().add(fp.hi, fp.lo);
    }
    if (!reducer.fingerprint(v, parent, fp)) return false;
    if (!visitedSet().add(fp.hi, fp.lo)) return false;
    statesUnreduced += reducer.orbit();
    return true;
  };
  let nextProgress = started + interval;

  const evaluator = new PropertyEvaluator(system, props);
  results.forEach((r, k) => {
    evaluator.open[k] = r.status === 'holds' || r.status === 'unreached' ? 1 : 0;
  });
  /** Checks the properties on a newly found state; returns false to stop the search. */
  const check = (index: number, vector: Uint32Array, parent: Uint32Array | null): boolean => {
    evaluator.evaluate(vector, parent);
    let keepGoing = true;
    for (let j = 0; j < evaluator.evaluatedCount; j++) {
      const k = evaluator.evaluated[j];
      const value = evaluator.values[k];
      if (props[k].kind === 'invariant' ? value === true : value !== true) continue;
      evaluator.open[k] = 0;
      if (props[k].kind === 'reachable') {
        Object.assign(results[k], { status: 'reached', path: store.pathTo(index) });
      } else {
        Object.assign(results[k], { status: 'violated', message: value, path: store.pathTo(index) });
        if (!options.continueAfterViolation) keepGoing = false;
      }
    }
    return keepGoing;
  };

  // Frontier: BFS reads the store in discovery order; DFS keeps a stack of indices.
  const stack: number[] = resume ? [...resume.stack] : [];
  let head = resume?.head ?? 0;
  if (resume) {
    expander?.reserve(store.size);
    const before = statesUnreduced;
    const v = new Uint32Array(store.width);
    for (let i = 0; i < store.size; i++) visit(store.read(i, v));
    statesUnreduced = before;
  } else {
    const init = system.initial();
    visit(init);
    store.push(init, -1, 0, 0);
    reducer?.keep(0);
    if (options.strategy === 'dfs') stack.push(0);
    if (!check(0, init, null)) stopReason = 'violation';
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
  const onSuccessor = (action: number, next: Uint32Array) => {
    successors++;
    if (stopReason) return;
    transitions++;
    // A self-loop (`next` is `current` itself, or equal to it) is not new: the parent was visited.
    if (next === current) return;
    if (!reducer) {
      if (updateFingerprint(current, next, parentFp, fp)) batch.add(action, next, fp);
      return;
    }
    if (!visit(next, current)) return;
    found(action, next);
  };
  /** Stores a new successor of the state being expanded and checks it. */
  const found = (action: number, next: Uint32Array) => {
    const child = store.push(next, expanding, action, expandingDepth + 1);
    reducer?.keep(child);
    if (expandingDepth + 1 > maxDepth) maxDepth = expandingDepth + 1;
    if (options.strategy === 'dfs') stack.push(child);
    if (!check(child, next, current)) stopReason = 'violation';
  };
  /**
   * Without symmetry a state's successors are fingerprinted as they come and probed
   * together once it is expanded: the probes' cache misses (the largest single cost of a
   * big search) then overlap instead of waiting one after another. Same order, same result.
   */
  const batch = new SuccessorBatch();
  const commitBatch = () => {
    const visited = visitedSet();
    batch.touch(visited);
    for (let j = 0; j < batch.size && !stopReason; j++) {
      if (visited.add(batch.hi[j], batch.lo[j])) found(batch.actions[j], batch.vector(j));
    }
    batch.clear();
  };
  /** A successor a worker found new (already in the shared visited set). */
  const onFresh = (action: number, next: Uint32Array) => {
    if (stopReason) return;
    const child = store.push(next, expanding, action, expandingDepth + 1);
    if (expandingDepth + 1 > maxDepth) maxDepth = expandingDepth + 1;
    if (!check(child, next, current)) stopReason = 'violation';
  };

  let expansions = 0;
  let ended = false;
  const advance = (until = Infinity): boolean => {
    if (ended) return true;
    // A signal handled while the loop was out (between slices, or before the first) stops here.
    if (!stopReason && options.interrupted?.()) stopReason = 'interrupted';
    ended = expand(until);
    return ended;
  };
  /** The search loop; returns false when it paused at `until`, true when the search is over. */
  const expand = (until: number): boolean => {
    while (!stopReason) {
      let index: number;
      if (options.strategy === 'dfs') {
        if (stack.length === 0) break;
        index = stack.pop() as number;
      } else {
        if (head === store.size) break;
        index = head++;
      }
      const depth = store.depth(index);
      if (options.maxDepth !== undefined && depth >= options.maxDepth) {
        cut = true;
        continue;
      }
      if (current.length !== store.width) current = new Uint32Array(store.width);
      store.read(index, current);
      successors = 0;
      expanding = index;
      expandingDepth = depth;
      const replayed = expander ? expander.replay(index, store, onFresh) : -1;
      if (replayed >= 0) {
        successors = replayed;
        // All of them, as the sequential search counts a state's successors before it checks the new ones.
        transitions += replayed;
      } else {
        if (!reducer) rawFingerprint(current, parentFp);
        else reducer.enter(current, index);
        system.successors(current, onSuccessor);
        if (batch.size > 0) commitBatch();
      }
      if (successors === 0 && options.deadlock && deadlock.status === 'holds') {
        Object.assign(deadlock, { status: 'violated', message: 'no step is possible', path: store.pathTo(index) });
        if (!options.continueAfterViolation) stopReason = 'violation';
      }
      if (options.maxStates !== undefined && store.size >= options.maxStates && !stopReason) stopReason = 'state-limit';
      if ((++expansions & (POLL_EVERY - 1)) === 0 && !stopReason) {
        if ((expansions & (MEMORY_CHECK_EVERY - 1)) === 0) {
          if (options.maxMemoryBytes !== undefined && process.memoryUsage.rss() > options.maxMemoryBytes) stopReason = 'memory';
          if (expander?.visited.full) stopReason = 'memory';
        }
        if (options.interrupted?.()) stopReason = 'interrupted';
        const now = performance.now();
        if (options.onProgress && now >= nextProgress) report();
        // Between two expansions the search state is whole: a pause here (or a checkpoint) is safe.
        if (now >= until && !stopReason) return false;
      }
    }
    return true;
  };

  const finish = (): SearchResult => {
    if (!ended) throw new Error('finish() before the search ended');
    expander?.close();
    if (options.onProgress) report();
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
      fingerprintBytes: visitedSet().bytes,
      queueBytes: store.bytes + (reducer?.keptBytes ?? 0),
      snapshot: () => ({
        strategy: options.strategy, store, head, stack: [...stack], transitions, maxDepth, cut, elapsedMs, statesUnreduced,
        properties: properties.map((p) => ({ ...p })),
      }),
  };
  };
  return { advance, finish };
}
