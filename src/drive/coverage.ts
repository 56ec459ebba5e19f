/**
 * Transition coverage of the explored graph. The model is explored exhaustively (BFS);
 * every edge, including the deliveries the model ignores, must then be driven at least
 * once. Paths are built greedily: each starts with the shortest path to the shallowest
 * state that still has an untaken edge, then keeps taking untaken edges while it can.
 * That covers every edge with far fewer paths than one shortest path per edge.
 */
import type { ComposedSystem } from '../explore/compose.ts';
import { fingerprint, type Fingerprint } from '../explore/fingerprint.ts';
import { search } from '../explore/search.ts';
import { modelAfter, stepsFrom, type DriveStep } from './steps.ts';

export interface CoveragePath {
  steps: DriveStep[];
  /** Model state after each step (so the driver need not recompute it). */
  states: Uint32Array[];
}

export interface CoveragePlan {
  states: number;
  edges: number;
  /** The ordered paths; together they take every edge. */
  paths: CoveragePath[];
  /** The shortest path (from the initial state) that takes a given edge. */
  shortestTo(state: number, edge: number): CoveragePath;
  /** Locates a (state vector, step) pair as an edge of the plan, if it is one. */
  edgeOf(v: Uint32Array, step: DriveStep): { state: number; edge: number } | null;
}

interface Edge { step: DriveStep; target: number }

const fpKey = (v: Uint32Array, fp: Fingerprint) => {
  fingerprint(v, 0, v.length, fp);
  return fp.hi * 0x100000000 + fp.lo;
};

export function coveragePlan(system: ComposedSystem, opts: { maxPathLength?: number; maxDepth?: number } = {}): CoveragePlan {
  const maxLen = opts.maxPathLength ?? 200;
  const explored = search(system, { strategy: 'bfs', maxDepth: opts.maxDepth, continueAfterViolation: true });
  const { store } = explored;
  const fp: Fingerprint = { hi: 0, lo: 0 };
  const index = new Map<number, number>();
  const vectors: Uint32Array[] = [];
  for (let i = 0; i < store.size; i++) {
    const v = store.read(i);
    vectors.push(v);
    index.set(fpKey(v, fp), i);
  }
  const edges: Edge[][] = vectors.map((v, i) => stepsFrom(system, v).map((step) => {
    if (step.kind === 'ignored') return { step, target: i };
    // Targets beyond the depth bound were never stored: keep the edge, stop there.
    return { step, target: index.get(fpKey(system.next(v, step.action), fp)) ?? -1 };
  }));
  const taken = edges.map((es) => new Uint8Array(es.length));
  const untaken = edges.map((es) => es.length);
  const total = edges.reduce((n, es) => n + es.length, 0);

  const prefix = (state: number): CoveragePath => {
    const ids = store.pathTo(state);
    return {
      steps: ids.slice(1).map((i) => ({ kind: 'model' as const, action: store.action(i) })),
      states: ids.slice(1).map((i) => vectors[i]),
    };
  };

  const paths: CoveragePath[] = [];
  for (let start = 0; start < vectors.length; start++) {
    while (untaken[start] > 0) {
      const path = prefix(start);
      let at = start;
      while (path.steps.length < maxLen) {
        const k = taken[at].indexOf(0);
        if (k < 0) break;
        taken[at][k] = 1;
        untaken[at]--;
        const e = edges[at][k];
        path.steps.push(e.step);
        if (e.target < 0) {
          path.states.push(modelAfter(system, vectors[at], e.step));
          break;
        }
        path.states.push(vectors[e.target]);
        at = e.target;
      }
      paths.push(path);
    }
  }

  return {
    states: vectors.length,
    edges: total,
    paths,
    shortestTo(state, edge) {
      const p = prefix(state);
      const e = edges[state][edge];
      p.steps.push(e.step);
      p.states.push(e.target < 0 ? modelAfter(system, vectors[state], e.step) : vectors[e.target]);
      return p;
    },
    edgeOf(v, step) {
      const state = index.get(fpKey(v, fp));
      if (state === undefined) return null;
      const key = JSON.stringify(step);
      const edge = edges[state].findIndex((e) => JSON.stringify(e.step) === key);
      return edge < 0 ? null : { state, edge };
    },
  };
}
