/**
 * Explicit-state search over a composed system: BFS (shortest counterexamples) or DFS,
 * a visited set of 64-bit fingerprints, invariants, reachability checks against vacuity,
 * deadlock detection and a depth bound.
 */
import { ComposedSystem } from './compose.ts';
import { fingerprint, type Fingerprint } from './fingerprint.ts';
import { FingerprintSet } from './fingerprint-set.ts';
import { StateStore } from './state-store.ts';
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
  /** Called about once a second. */
  onProgress?: (p: Progress) => void;
  progressIntervalMs?: number;
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

export interface SearchResult {
  system: string;
  strategy: Strategy;
  states: number;
  transitions: number;
  depth: number;
  elapsedMs: number;
  /** False if the depth bound cut the search short or it stopped at a violation. */
  complete: boolean;
  properties: PropertyResult[];
  store: StateStore;
  fingerprintBytes: number;
}

export function search(system: ComposedSystem, options: SearchOptions): SearchResult {
  const started = performance.now();
  const visited = new FingerprintSet(1 << 16);
  const store = new StateStore(system.width);
  const fp: Fingerprint = { hi: 0, lo: 0 };
  const props = system.spec.properties;
  const results: PropertyResult[] = props.map((p) => ({
    name: p.name, kind: p.kind, description: p.description,
    status: p.kind === 'invariant' ? 'holds' : 'unreached',
  }));
  const deadlock: PropertyResult = { name: 'deadlock-free', kind: 'deadlock', description: 'every state has a successor', status: 'holds' };
  let transitions = 0;
  let maxDepth = 0;
  let cut = false;
  let stopped = false;
  const interval = options.progressIntervalMs ?? 1000;
  let nextProgress = started + interval;

  /** Checks the properties on a newly found state; returns false to stop the search. */
  const check = (index: number, vector: Uint32Array): boolean => {
    let view: ReturnType<ComposedSystem['view']> | null = null;
    for (let k = 0; k < props.length; k++) {
      const p = props[k];
      const r = results[k];
      if (p.kind === 'invariant') {
        if (r.status === 'violated') continue;
        view ??= system.view(vector);
        const verdict = p.check(view);
        if (verdict !== true) {
          Object.assign(r, { status: 'violated', message: verdict, path: store.pathTo(index) });
          if (!options.continueAfterViolation) return false;
        }
      } else if (r.status === 'unreached') {
        view ??= system.view(vector);
        if (p.reached(view)) Object.assign(r, { status: 'reached', path: store.pathTo(index) });
      }
    }
    return true;
  };

  const init = system.initial();
  fingerprint(init, 0, init.length, fp);
  visited.add(fp.hi, fp.lo);
  store.push(init, -1, 0, 0);
  if (!check(0, init)) stopped = true;

  // Frontier: BFS reads the store in discovery order; DFS keeps a stack of indices.
  const stack: number[] = options.strategy === 'dfs' ? [0] : [];
  let head = 0;
  let current = new Uint32Array(store.width);

  const report = () => {
    const now = performance.now();
    nextProgress = now + interval;
    const elapsedMs = now - started;
    options.onProgress?.({
      states: store.size, transitions, depth: maxDepth,
      queue: options.strategy === 'dfs' ? stack.length : store.size - head,
      elapsedMs, statesPerSecond: store.size / (elapsedMs / 1000),
    });
  };

  while (!stopped) {
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
    let successors = 0;
    system.successors(current, (action, next) => {
      successors++;
      if (stopped) return;
      transitions++;
      fingerprint(next, 0, next.length, fp);
      if (!visited.add(fp.hi, fp.lo)) return;
      const child = store.push(next, index, action, depth + 1);
      if (depth + 1 > maxDepth) maxDepth = depth + 1;
      if (options.strategy === 'dfs') stack.push(child);
      if (!check(child, next)) stopped = true;
    });
    if (successors === 0 && options.deadlock && deadlock.status === 'holds') {
      Object.assign(deadlock, { status: 'violated', message: 'no step is possible', path: store.pathTo(index) });
      if (!options.continueAfterViolation) stopped = true;
    }
    if (options.onProgress && (store.size & 0x3ff) === 0 && performance.now() >= nextProgress) report();
  }
  if (options.onProgress) report();

  return {
    system: system.spec.name,
    strategy: options.strategy,
    states: store.size,
    transitions,
    depth: maxDepth,
    elapsedMs: performance.now() - started,
    complete: !cut && !stopped,
    properties: options.deadlock ? [...results, deadlock] : results,
    store,
    fingerprintBytes: visited.bytes,
  };
}
