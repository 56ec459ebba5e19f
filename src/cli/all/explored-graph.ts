/**
 * The explored state graph of a finished search, for drawing: nodes are states the
 * explorer stored (labelled with each actor's local state), edges come from expanding
 * those states again. Only the neighbourhood of a path (a counterexample or a witness)
 * is taken, up to a cap, so even a large search yields a drawable graph.
 */
import type { ComposedSystem } from '../../explore/compose.ts';
import { describeStep } from '../../explore/step.ts';
import type { StateStore } from '../../explore/state-store.ts';
import type { StateGraph, StateGraphEdge, StateGraphNode } from '../../diagram/state-graph.ts';
import { unfixedContext } from '../../explore/unfixed-context.ts';
import { stateKey } from '../../explore/state-layout.ts';

export interface ExploredGraphOptions {
  /** Store indices from the initial state on; drawn highlighted. Default: just the initial state. */
  path?: number[];
  /** The last state of `path` breaks a property. */
  violation?: boolean;
  /** `path` is a liveness lasso whose cycle starts at this index (see StateGraph.loopAt); its steps back to a state are kept. */
  loopAt?: number;
  /** Most states taken (the path itself is always taken). */
  maxNodes: number;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** One line per actor: its state name and the context fields its input does not fix (empty ones left out). */
export function stateLabel(system: ComposedSystem, v: Uint32Array): string {
  const view = system.view(v);
  const lines = view.actors.map((a, i) => {
    if (a.crashed) return `${a.id}: crashed`;
    const fields = Object.entries(unfixedContext(a.snapshot.context as object, system.spec.actors[i].input))
      .filter(([, x]) => x !== null && !(typeof x === 'object' && Object.keys(x).length === 0))
      .map(([k, x]) => `${k}=${show(x)}`);
    return `${a.id}: ${show(a.snapshot.value)}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}`;
  });
  lines.push(`${view.messages.length} message${view.messages.length === 1 ? '' : 's'} in the network`);
  return lines.join('\n');
}

/** What a step did, short enough for an edge: "a1 ← prepare(1) from p1", "p0 propose(0,v2)". */
export function actionLabel(system: ComposedSystem, code: number): string {
  return describeStep(system.decodeStep(code), 'brief');
}

export function exploredGraph(system: ComposedSystem, store: StateStore, options: ExploredGraphOptions): StateGraph {
  const path = options.path && options.path.length > 0 ? options.path : [0];
  const index = new Map<string, number>();
  const buffer = new Uint32Array(store.width);
  for (let i = 0; i < store.size; i++) index.set(stateKey(store.read(i, buffer)), i);

  /** Distinct (action, stored successor) pairs of state i; successors the search never stored are skipped. */
  const successorsOf = (i: number): { action: number; to: number }[] => {
    const out: { action: number; to: number }[] = [];
    system.successors(store.read(i), (action, next) => {
      const to = index.get(stateKey(next));
      if (to !== undefined) out.push({ action, to });
    });
    return out;
  };

  // Rings around the path, nearest states first, until the cap.
  const taken = new Set<number>(path);
  let ring = [...path];
  while (ring.length > 0 && taken.size < options.maxNodes) {
    const next: number[] = [];
    for (const i of ring) {
      for (const { to } of successorsOf(i)) {
        if (taken.size >= options.maxNodes) break;
        if (!taken.has(to)) {
          taken.add(to);
          next.push(to);
        }
      }
    }
    ring = next;
  }

  const last = path[path.length - 1];
  const nodes: StateGraphNode[] = [...taken].sort((a, b) => a - b).map((i) => ({
    id: i,
    label: stateLabel(system, store.read(i)),
    ...(i === 0 ? { initial: true } : {}),
    ...(options.violation && i === last ? { violation: true } : {}),
  }));
  const edges: StateGraphEdge[] = [];
  const seen = new Set<string>();
  // A lasso's cycle may be a step from a state to itself: that self-loop is drawn.
  const pathLoops = new Set(path.filter((id, k) => k > 0 && path[k - 1] === id));
  for (const i of taken) {
    for (const { action, to } of successorsOf(i)) {
      // Self-loops (Paxos.tla re-accepting the same proposal) only clutter the picture.
      if (!taken.has(to) || (to === i && !pathLoops.has(i))) continue;
      const label = actionLabel(system, action);
      const key = `${i}>${to}>${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: i, to, label });
    }
  }
  return { nodes, edges, highlight: path, ...(options.loopAt !== undefined ? { loopAt: options.loopAt } : {}) };
}
