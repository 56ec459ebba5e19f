/**
 * Temporal properties under weak fairness, checked on the explored state graph:
 * `eventually(q)` (every behaviour reaches a q state) and `leadsTo(p, q)` (every p state
 * is followed, sooner or later, by a q state). See docs/liveness.md for the semantics.
 *
 * After a complete search (no symmetry reduction), every stored state's successors are
 * computed once more to lay the graph out as compressed rows, each edge labelled with its
 * fairness class: delivering one message to one actor, or one offered event type to one
 * actor. Faults (crash, loss, partition...) are never fair. A violation is a fair lasso:
 * a prefix from the initial state to a state from which q is avoided forever, and a
 * cycle (possibly a stuttering state) of ¬q states that is fair. Under weak fairness a
 * strongly connected set C of ¬q states has a fair cycle iff every fair class enabled
 * somewhere in C is taken on an edge inside C or disabled at some state of C: a cycle
 * through all of C meets each requirement. A single state may stutter forever only if
 * no fair class is enabled there (TLC's [Next]_vars: stuttering is always allowed).
 */
import type { ComposedSystem } from './compose.ts';
import { kindOf } from './step.ts';
import { counterexample, type Counterexample } from './counterexample.ts';
import { stronglyConnected } from './scc.ts';
import { lassoNote } from './lasso-note.ts';
import { StateStore } from './state-store.ts';
import type { Fairness, LivenessProperty, StateView } from './spec.ts';

export type { Fairness, LivenessProperty };

/** `eventually(q)`: every fair behaviour reaches a state where `q` holds. */
export function eventually(name: string, description: string, q: (view: StateView) => boolean): LivenessProperty {
  return { kind: 'eventually', name, description, holds: q };
}

/** `leadsTo(p, q)` (p ~> q): every fair behaviour in a `p` state later reaches a `q` state (or is in one). */
export function leadsTo(name: string, description: string, p: (view: StateView) => boolean, q: (view: StateView) => boolean): LivenessProperty {
  return { kind: 'leadsTo', name, description, from: p, to: q };
}

/** A lasso: states `path[0..loopAt-1]` lead to the cycle `path[loopAt..]`, which returns to `path[loopAt]`. */
export interface Lasso {
  /** Store indices of the states, first the prefix, then the cycle (its first state once). */
  states: number[];
  /** Action codes of the steps between consecutive states, and (last) the step closing the cycle. */
  actions: number[];
  /** Index in `states` where the cycle begins. */
  loopAt: number;
  /** Steps in the cycle; 0 for a state that stutters forever (no fair step enabled). */
  cycleSteps: number;
}

/** The lasso as one path of store indices that ends back at its loop start (or, stuttering, at its last state), and where the loop starts. */
export function lassoPath(lasso: Lasso): { path: number[]; loopAt: number } {
  return { path: lasso.cycleSteps > 0 ? [...lasso.states, lasso.states[lasso.loopAt]] : [...lasso.states], loopAt: lasso.loopAt };
}

export interface LivenessResult {
  name: string;
  kind: LivenessProperty['kind'];
  description: string;
  status: 'holds' | 'violated';
  message?: string;
  lasso?: Lasso;
  /** The lasso as a trace: the header's description says where the cycle starts. */
  counterexample?: Counterexample & { loop: { startSeq: number; prefixSteps: number; cycleSteps: number } };
}

/** The explored graph as rows of successors, edges labelled with their fairness class (-1: unfair). */
interface Graph {
  nodes: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  actions: Int32Array;
  fairClass: Int32Array;
}

/**
 * The weak-fairness class of a step, as a name, or null for a step no fairness covers:
 * delivering one message to one actor (`d<actor>:<message>`), or one offered event to one
 * actor (`o<actor>:<event>`) when its type is declared fair. Faults are never fair.
 */
export function fairClassNamer(system: ComposedSystem, fairness: Fairness): (code: number) => string | null {
  const offers = new Set(fairness.offers ?? []);
  const deliver = fairness.deliver ?? true;
  return (code) => {
    // Only deliveries and offers can be fair; decode those alone (this runs once per edge).
    const kind = kindOf(code);
    if (kind !== 'deliver' && kind !== 'offer') return null;
    const step = system.decodeStep(code);
    if (step.kind === 'deliver') return deliver ? `d${step.actor}:${step.entry}` : null;
    return step.kind === 'offer' && offers.has(step.event.type) ? `o${step.actor}:${step.eventId}` : null;
  };
}

function buildGraph(system: ComposedSystem, store: StateStore, fairness: Fairness): Graph {
  const nodes = store.size;
  const width = store.width;
  const key = (v: Uint32Array) => {
    let s = '';
    for (let k = 0; k < width; k++) s += `${k < v.length ? v[k] : 0},`;
    return s;
  };
  const indexOf = new Map<string, number>();
  const v = new Uint32Array(width);
  for (let i = 0; i < nodes; i++) indexOf.set(key(store.read(i, v)), i);
  const classes = new Map<string, number>();
  const nameOf = fairClassNamer(system, fairness);
  const classOf = (code: number): number => {
    const name = nameOf(code);
    if (name === null) return -1;
    let c = classes.get(name);
    if (c === undefined) classes.set(name, (c = classes.size));
    return c;
  };
  const offsets = new Uint32Array(nodes + 1);
  const targets: number[] = [];
  const actions: number[] = [];
  const fair: number[] = [];
  for (let i = 0; i < nodes; i++) {
    store.read(i, v);
    system.successors(v, (action, next) => {
      const j = indexOf.get(key(next));
      if (j === undefined) throw new Error('liveness: a successor of an explored state was not explored (the search was not complete)');
      targets.push(j);
      actions.push(action);
      fair.push(classOf(action));
    });
    offsets[i + 1] = targets.length;
  }
  return { nodes, offsets, targets: Uint32Array.from(targets), actions: Int32Array.from(actions), fairClass: Int32Array.from(fair) };
}

/** Checks the liveness properties on the complete graph of `store`. */
export function checkLiveness(system: ComposedSystem, store: StateStore, properties: readonly LivenessProperty[], fairness: Fairness = {}): LivenessResult[] {
  if (properties.length === 0) return [];
  const graph = buildGraph(system, store, fairness);
  const v = new Uint32Array(store.width);
  const views = (i: number) => system.view(store.read(i, v));
  return properties.map((p) => {
    const q = new Uint8Array(graph.nodes);
    const seeds: number[] = [];
    for (let i = 0; i < graph.nodes; i++) {
      const view = views(i);
      q[i] = (p.kind === 'eventually' ? p.holds(view) : p.to(view)) ? 1 : 0;
      if (!q[i] && (p.kind === 'eventually' ? i === 0 : p.from(view))) seeds.push(i);
    }
    const base = { name: p.name, kind: p.kind, description: p.description };
    const lasso = findFairLasso(graph, store, q, seeds);
    if (!lasso) return { ...base, status: 'holds' as const };
    const message = lasso.cycleSteps === 0
      ? `after ${lasso.loopAt} step${lasso.loopAt === 1 ? '' : 's'} the system can stay forever in a state with no fair step enabled, and ${p.kind === 'eventually' ? 'the goal' : 'the promised state'} never comes`
      : `a fair cycle of ${lasso.cycleSteps} steps, reached after ${lasso.loopAt} step${lasso.loopAt === 1 ? '' : 's'}, never reaches ${p.kind === 'eventually' ? 'the goal' : 'the promised state'}`;
    return { ...base, status: 'violated' as const, message, lasso, counterexample: lassoTrace(system, store, lasso, p.name) };
  });
}

/** A fair lasso avoiding q from one of `seeds`, or null when every fair behaviour reaches q. */
function findFairLasso(g: Graph, store: StateStore, q: Uint8Array, seeds: number[]): Lasso | null {
  if (seeds.length === 0) return null;
  // The ¬q states reachable from a seed through ¬q states; BFS parents give the paths.
  const inside = new Uint8Array(g.nodes);
  const parent = new Int32Array(g.nodes).fill(-1);
  const parentEdge = new Int32Array(g.nodes).fill(-1);
  const queue: number[] = [];
  for (const s of seeds) if (!inside[s]) { inside[s] = 1; queue.push(s); }
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const w = g.targets[e];
      if (q[w] || inside[w]) continue;
      inside[w] = 1; parent[w] = u; parentEdge[w] = e; queue.push(w);
    }
  }
  const { component, count } = stronglyConnected(g.nodes, g.offsets, g.targets, inside);
  // Per component: its states, the fair classes enabled in it, taken inside it, and disabled somewhere in it.
  const members: number[][] = Array.from({ length: count }, () => []);
  for (const u of queue) members[component[u]].push(u);
  // Components in BFS order of their first state: the first fair one found has a short prefix.
  const order = [...new Set(queue.map((u) => component[u]))];
  for (const c of order) {
    const states = members[c];
    const enabledSomewhere = new Set<number>();
    const taken = new Set<number>();
    for (const u of states) {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const f = g.fairClass[e];
        if (f < 0) continue;
        enabledSomewhere.add(f);
        if (component[g.targets[e]] === c) taken.add(f);
      }
    }
    const hasInnerEdge = states.some((u) => {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (component[g.targets[e]] === c) return true;
      return false;
    });
    // Fair iff every fair class enabled in C is taken inside C or disabled at some state of C.
    const required = [...enabledSomewhere];
    if (required.some((f) => !taken.has(f) && states.every((u) => enabledAt(g, u, f)))) continue;
    if (!hasInnerEdge) {
      // A single state with no step back to itself: a lasso only by stuttering, allowed when no fair class is enabled.
      if (required.length > 0) continue;
      return lassoOf(g, store, parent, parentEdge, states[0], [], [], 0);
    }
    const { cycStates, cycEdges } = fairCycle(g, component, c, states[0], required);
    return lassoOf(g, store, parent, parentEdge, states[0], cycStates, cycEdges, cycEdges.length);
  }
  return null;
}

/**
 * A short fair cycle through `anchor` inside component `c`: from where it stands, it walks
 * (shortest path) to the nearest step that meets a requirement still open (an edge of an
 * uncovered class, or a state where one is disabled), covering every requirement met on the
 * way, until none is open; then it returns to the anchor. Greedy, so a cycle whose fair
 * steps all lie on one round of the protocol is that round, not one detour per class.
 */
function fairCycle(g: Graph, component: Int32Array, c: number, anchor: number, required: number[]): { cycStates: number[]; cycEdges: number[] } {
  const open = new Set(required);
  const cycStates: number[] = [];
  const cycEdges: number[] = [];
  const coverAt = (u: number) => {
    for (const f of [...open]) if (!enabledAt(g, u, f)) open.delete(f);
  };
  const step = (e: number) => {
    cycStates.push(ownerOf(g, e)); cycEdges.push(e);
    open.delete(g.fairClass[e]);
    coverAt(g.targets[e]);
  };
  let at = anchor;
  coverAt(at);
  while (open.size > 0) {
    const path = pathInside(g, component, c, at, (u, e) => (e >= 0 && open.has(g.fairClass[e])) || (e < 0 && [...open].some((f) => !enabledAt(g, u, f))));
    for (const e of path) step(e);
    at = cycEdges.length > 0 ? g.targets[cycEdges[cycEdges.length - 1]] : at;
  }
  // At least one step (the component has an inner edge), then back to the anchor.
  if (cycEdges.length === 0 || at !== anchor) {
    if (cycEdges.length === 0) { step(innerEdgeFrom(g, component, c, at)); at = g.targets[cycEdges[cycEdges.length - 1]]; }
    for (const e of pathInside(g, component, c, at, (u, e) => e < 0 && u === anchor)) step(e);
  }
  return { cycStates, cycEdges };
}

function enabledAt(g: Graph, u: number, f: number): boolean {
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (g.fairClass[e] === f) return true;
  return false;
}

/** The state an edge leaves (binary search over the row offsets). */
function ownerOf(g: Graph, e: number): number {
  let lo = 0;
  let hi = g.nodes - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (g.offsets[mid] <= e) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function innerEdgeFrom(g: Graph, component: Int32Array, c: number, u: number): number {
  for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (component[g.targets[e]] === c) return e;
  throw new Error('liveness: no edge inside the component');
}

/**
 * Shortest edge path inside component `c` from `a` to the first goal found: a state `u`
 * with `goal(u, -1)` (empty path when `a` is one), or an edge `e` with `goal(owner, e)`,
 * which ends the path.
 */
function pathInside(g: Graph, component: Int32Array, c: number, a: number, goal: (u: number, e: number) => boolean): number[] {
  const via = new Map<number, number>([[a, -1]]);
  const back = (x: number) => {
    const path: number[] = [];
    for (; x !== a;) { const pe = via.get(x)!; path.push(pe); x = ownerOf(g, pe); }
    return path.reverse();
  };
  const queue = [a];
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    if (goal(u, -1)) return back(u);
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const w = g.targets[e];
      if (component[w] !== c) continue;
      if (goal(u, e)) return [...back(u), e];
      if (via.has(w)) continue;
      via.set(w, e);
      queue.push(w);
    }
  }
  throw new Error('liveness: no path inside a strongly connected component');
}

/** Prefix: the explorer's shortest path to the seed, then the ¬q path to `anchor`; then the cycle. */
function lassoOf(g: Graph, store: StateStore, parent: Int32Array, parentEdge: Int32Array, anchor: number, cycStates: number[], cycEdges: number[], cycleSteps: number): Lasso {
  const tail: number[] = [];
  const tailEdges: number[] = [];
  let u = anchor;
  while (parent[u] >= 0) { tail.push(u); tailEdges.push(parentEdge[u]); u = parent[u]; }
  const seedPath = store.pathTo(u);
  const states = [...seedPath, ...tail.reverse()];
  const actions = [...seedPath.slice(1).map((i) => store.action(i)), ...tailEdges.reverse().map((e) => g.actions[e])];
  const loopAt = states.length - 1;
  states.push(...cycStates.slice(1));
  actions.push(...cycEdges.map((e) => g.actions[e]));
  return { states, actions, loopAt, cycleSteps };
}

/** The lasso as a trace; the cycle's events are those after `startSeq`, and repeat forever. */
function lassoTrace(system: ComposedSystem, store: StateStore, lasso: Lasso, property: string): LivenessResult['counterexample'] {
  // Lay the lasso out as a path of its own: a store with one state per step, closing step included.
  const path = new StateStore(store.width);
  const v = new Uint32Array(store.width);
  const all = lassoPath(lasso).path;
  all.forEach((s, k) => path.push(store.read(s, v), k - 1, k === 0 ? 0 : lasso.actions[k - 1], k));
  const cx = counterexample(system, path, all.map((_, k) => k));
  const prefix = counterexample(system, path, all.slice(0, lasso.loopAt + 1).map((_, k) => k));
  const startSeq = prefix.events.length;
  const loop = { startSeq, prefixSteps: lasso.loopAt, cycleSteps: lasso.cycleSteps };
  const note = lassoNote({ property, startSeq, endSeq: cx.events.length, cycleSteps: lasso.cycleSteps });
  const header = { ...cx.header, description: [cx.header.description, note].filter(Boolean).join('; '), loop: { afterSeq: startSeq } };
  return { ...cx, header, loop };
}
