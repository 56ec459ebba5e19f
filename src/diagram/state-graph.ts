/**
 * Explored state graphs (global states of a small configuration and the steps between
 * them) rendered to DOT and Mermaid, with a counterexample path highlighted. Large
 * graphs degrade to the neighbourhood of the path, so a diagram stays readable.
 *
 * A liveness counterexample is a lasso (`loopAt`): the prefix, then the cycle, whose last
 * step is drawn as a dashed *back edge* to the marked loop start, labelled as such; a
 * lasso that ends by stuttering gets a dashed self-loop saying so.
 */
import { clip, dotString, mermaidLabel, mermaidText } from './escape.ts';
import { FONT_NAME } from './text-metrics.ts';

export interface StateGraphNode {
  id: number;
  label: string;
  initial?: boolean;
  /** The state breaks a property. */
  violation?: boolean;
}

export interface StateGraphEdge {
  from: number;
  to: number;
  label: string;
}

export interface StateGraph {
  nodes: StateGraphNode[];
  edges: StateGraphEdge[];
  /** Node ids of a counterexample path, in order (initial state first). */
  highlight?: number[];
  /**
   * The path is a lasso: `highlight[loopAt]` is where the cycle starts, and the path ends
   * by returning to it (its last step is the back edge). When `loopAt` is the path's last
   * index, the last state stutters forever.
   */
  loopAt?: number;
}

export interface StateGraphOptions {
  /** Most nodes drawn; beyond it only the neighbourhood of the path (or of the initial states) is kept. */
  maxNodes?: number;
  /** Longest label kept, in characters. */
  maxLabel?: number;
}

export const DEFAULT_MAX_NODES = 150;

/** What will actually be drawn: a subgraph of the input plus what was left out. */
export interface GraphView {
  nodes: StateGraphNode[];
  edges: StateGraphEdge[];
  /** Indices into `edges` that lie on the highlighted path, with their 1-based step numbers. */
  pathEdges: Map<number, number[]>;
  pathNodes: Set<number>;
  /** Drawn nodes that have neighbours that were left out. */
  frontier: Set<number>;
  /** For a lasso: the index in `edges` of the step back to the loop start (or of the stutter self-loop), and that state. */
  back?: { edge: number; loopStart: number; stutter: boolean };
  hiddenNodes: number;
  hiddenEdges: number;
}

export function viewOf(graph: StateGraph, maxNodes = DEFAULT_MAX_NODES): GraphView {
  const byId = new Map<number, StateGraphNode>();
  for (const n of graph.nodes) {
    if (byId.has(n.id)) throw new Error(`state graph: node id ${n.id} appears twice`);
    byId.set(n.id, n);
  }
  for (const e of graph.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) throw new Error(`state graph: edge ${e.from} -> ${e.to} names an unknown node`);
  }
  const path = graph.highlight ?? [];
  for (const id of path) if (!byId.has(id)) throw new Error(`state graph: highlighted node ${id} is not in the graph`);

  const loopAt = graph.loopAt;
  if (loopAt !== undefined) {
    if (!Number.isInteger(loopAt) || loopAt < 0 || loopAt >= path.length) throw new Error(`state graph: loopAt ${loopAt} is not an index of the highlighted path`);
    if (loopAt < path.length - 1 && path[path.length - 1] !== path[loopAt]) throw new Error('state graph: a lasso must end where its cycle starts (highlight[loopAt])');
  }
  const keep = keptNodes(graph, path, maxNodes);
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  const frontier = new Set<number>();
  for (const e of graph.edges) {
    if (keep.has(e.from) !== keep.has(e.to)) frontier.add(keep.has(e.from) ? e.from : e.to);
  }
  // Each step of the path takes a matching edge not used yet (or, when a loop repeats
  // a step, the first matching one, which then carries several step numbers).
  const pathEdges = new Map<number, number[]>();
  for (let i = 0; i + 1 < path.length; i++) {
    const matches = (e: StateGraphEdge) => e.from === path[i] && e.to === path[i + 1];
    let at = edges.findIndex((e, j) => matches(e) && !pathEdges.has(j));
    if (at < 0) at = edges.findIndex(matches);
    if (at >= 0) pathEdges.set(at, [...(pathEdges.get(at) ?? []), i + 1]);
  }
  const back = loopAt === undefined ? undefined : backEdge(edges, pathEdges, path, loopAt);
  return {
    nodes,
    edges,
    pathEdges,
    pathNodes: new Set(path),
    frontier,
    ...(back ? { back } : {}),
    hiddenNodes: graph.nodes.length - nodes.length,
    hiddenEdges: graph.edges.length - edges.length,
  };
}

/**
 * The lasso's closing edge: the edge the path's last step took (added when the graph lacks
 * it), or, for a stuttering end, a self-loop added on the last state.
 */
function backEdge(edges: StateGraphEdge[], pathEdges: Map<number, number[]>, path: number[], loopAt: number): GraphView['back'] {
  const loopStart = path[loopAt];
  if (loopAt === path.length - 1) {
    edges.push({ from: loopStart, to: loopStart, label: 'stutters forever (no fair step enabled)' });
    return { edge: edges.length - 1, loopStart, stutter: true };
  }
  const last = path.length - 1;
  const from = path[last - 1];
  let edge = [...pathEdges].find(([j, steps]) => steps.includes(last) && edges[j].from === from && edges[j].to === loopStart)?.[0];
  if (edge === undefined) {
    edges.push({ from, to: loopStart, label: '' });
    edge = edges.length - 1;
    pathEdges.set(edge, [last]);
  }
  return { edge, loopStart, stutter: false };
}

/**
 * All nodes when they fit; otherwise the path, violations and initial states first,
 * then breadth-first rings around them (both edge directions) until the cap.
 */
function keptNodes(graph: StateGraph, path: number[], maxNodes: number): Set<number> {
  if (graph.nodes.length <= maxNodes) return new Set(graph.nodes.map((n) => n.id));
  const seeds = [
    ...path,
    ...graph.nodes.filter((n) => n.violation).map((n) => n.id),
    ...graph.nodes.filter((n) => n.initial).map((n) => n.id),
  ];
  if (seeds.length === 0 && graph.nodes.length > 0) seeds.push(graph.nodes[0].id);
  const neighbours = new Map<number, number[]>();
  const link = (a: number, b: number) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of graph.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  // The path itself is always kept, even past the cap: it is the point of the diagram.
  const keep = new Set<number>(path);
  let ring: number[] = [];
  for (const id of seeds) {
    if (keep.size >= maxNodes && !path.includes(id)) break;
    keep.add(id);
    ring.push(id);
  }
  while (ring.length > 0 && keep.size < maxNodes) {
    const next: number[] = [];
    for (const id of ring) {
      for (const n of neighbours.get(id) ?? []) {
        if (keep.size >= maxNodes) break;
        if (!keep.has(n)) {
          keep.add(n);
          next.push(n);
        }
      }
    }
    ring = next;
  }
  return keep;
}

/** "3. label" for an edge on the path, "2,5. label" when a loop takes it twice; the back edge says where it goes. */
function stepLabel(steps: number[] | undefined, label: string, back?: GraphView['back']): string {
  if (back?.stutter) return `↺ ${label}`;
  const text = steps === undefined ? label : `${steps.join(',')}. ${label}`;
  return back ? `↺ ${text}${label === '' ? '' : ' '}(back to loop start)` : text;
}

/** A node's label, with the lasso's loop start marked. */
const nodeLabel = (view: GraphView, n: StateGraphNode) => (view.back?.loopStart === n.id ? `↺ loop start\n${n.label}` : n.label);

// ------------------------------------------------------------------ DOT

const PATH_COLOR = '#c62828';
const LOOP_COLOR = '#6a1b9a';

export function stateGraphToDot(graph: StateGraph, options: StateGraphOptions = {}): string {
  const view = viewOf(graph, options.maxNodes);
  const max = options.maxLabel ?? 60;
  const lines = [
    'digraph "state graph" {',
    '  rankdir=TB;',
    // A font Graphviz has metrics for, so boxes fit what the browser draws (text-metrics.ts).
    `  node [shape=box, style="rounded,filled", fillcolor="#f4f6fa", color="#8090a8", fontname="${FONT_NAME}", fontsize=10];`,
    `  edge [color="#9aa6b8", fontname="${FONT_NAME}", fontsize=9, fontcolor="#44546a"];`,
  ];
  for (const n of view.nodes) {
    const attrs = [`label=${dotString(clip(nodeLabel(view, n), max))}`];
    if (view.pathNodes.has(n.id)) attrs.push('fillcolor="#fde7e7"', `color="${PATH_COLOR}"`, 'penwidth=2');
    if (n.violation) attrs.push('fillcolor="#f8b4b4"', `color="${PATH_COLOR}"`, 'penwidth=2.5', 'peripheries=2');
    if (view.back?.loopStart === n.id) attrs.push('fillcolor="#f1e4f7"', `color="${LOOP_COLOR}"`, 'penwidth=2.5', 'peripheries=2');
    if (view.frontier.has(n.id)) attrs.push('style="rounded,filled,dashed"');
    lines.push(`  n${n.id} [${attrs.join(', ')}];`);
    if (n.initial) {
      lines.push(`  init${n.id} [shape=point, width=0.1, color="#222222", label=""];`, `  init${n.id} -> n${n.id};`);
    }
  }
  view.edges.forEach((e, i) => {
    const steps = view.pathEdges.get(i);
    const back = view.back?.edge === i ? view.back : undefined;
    const label = stepLabel(steps, e.label, back);
    const attrs = [`label=${dotString(clip(label, max))}`];
    // The back edge runs against the layout's downward flow (constraint=false), so it visibly returns.
    if (back) attrs.push(`color="${LOOP_COLOR}"`, `fontcolor="${LOOP_COLOR}"`, 'penwidth=2.5', 'style=dashed', 'constraint=false');
    else if (steps !== undefined) attrs.push(`color="${PATH_COLOR}"`, `fontcolor="${PATH_COLOR}"`, 'penwidth=2.5');
    lines.push(`  n${e.from} -> n${e.to} [${attrs.join(', ')}];`);
  });
  if (view.hiddenNodes > 0) {
    const note = `${view.hiddenNodes} more states and ${view.hiddenEdges} more transitions not shown`;
    lines.push(`  elided [shape=note, style=filled, fillcolor="#fffbe6", color="#c9a227", label=${dotString(note)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ Mermaid

export function stateGraphToMermaid(graph: StateGraph, options: StateGraphOptions = {}): string {
  const view = viewOf(graph, options.maxNodes);
  const max = options.maxLabel ?? 60;
  const lines = ['flowchart TB'];
  for (const n of view.nodes) {
    const text = mermaidLabel(clip(nodeLabel(view, n), max));
    lines.push(n.initial ? `  n${n.id}(["${text}"])` : `  n${n.id}["${text}"]`);
  }
  view.edges.forEach((e, i) => {
    const back = view.back?.edge === i ? view.back : undefined;
    const label = stepLabel(view.pathEdges.get(i), e.label, back);
    const arrow = back ? '-.->' : '-->';
    lines.push(label === '' ? `  n${e.from} ${arrow} n${e.to}` : `  n${e.from} ${arrow}|"${mermaidText(clip(label, max))}"| n${e.to}`);
  });
  if (view.hiddenNodes > 0) {
    lines.push(`  elided>"${mermaidText(`${view.hiddenNodes} more states and ${view.hiddenEdges} more transitions not shown`)}"]`);
  }
  lines.push('  classDef path fill:#fde7e7,stroke:#c62828,stroke-width:2px');
  lines.push('  classDef violation fill:#f8b4b4,stroke:#c62828,stroke-width:3px');
  lines.push('  classDef frontier stroke-dasharray:4 3');
  if (view.back) lines.push(`  classDef loopStart fill:#f1e4f7,stroke:${LOOP_COLOR},stroke-width:3px`);
  const classed = (name: string, ids: number[]) => {
    if (ids.length > 0) lines.push(`  class ${ids.map((id) => `n${id}`).join(',')} ${name}`);
  };
  classed('path', view.nodes.filter((n) => view.pathNodes.has(n.id) && !n.violation).map((n) => n.id));
  classed('violation', view.nodes.filter((n) => n.violation).map((n) => n.id));
  classed('frontier', view.nodes.filter((n) => view.frontier.has(n.id)).map((n) => n.id));
  if (view.back) classed('loopStart', [view.back.loopStart]);
  const redEdges = [...view.pathEdges.keys()].filter((i) => i !== view.back?.edge).sort((a, b) => a - b);
  if (redEdges.length > 0) lines.push(`  linkStyle ${redEdges.join(',')} stroke:${PATH_COLOR},stroke-width:3px`);
  if (view.back) lines.push(`  linkStyle ${view.back.edge} stroke:${LOOP_COLOR},stroke-width:3px,stroke-dasharray:6 4`);
  return `${lines.join('\n')}\n`;
}
