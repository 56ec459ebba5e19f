/**
 * Explored state graphs (global states of a small configuration and the steps between
 * them) rendered to DOT and Mermaid, with a counterexample path highlighted. Large
 * graphs degrade to the neighbourhood of the path, so a diagram stays readable.
 */
import { clip, dotString, mermaidLabel, mermaidText } from './escape.js';
export const DEFAULT_MAX_NODES = 150;
export function viewOf(graph, maxNodes = DEFAULT_MAX_NODES) {
    const byId = new Map();
    for (const n of graph.nodes) {
        if (byId.has(n.id))
            throw new Error(`state graph: node id ${n.id} appears twice`);
        byId.set(n.id, n);
    }
    for (const e of graph.edges) {
        if (!byId.has(e.from) || !byId.has(e.to))
            throw new Error(`state graph: edge ${e.from} -> ${e.to} names an unknown node`);
    }
    const path = graph.highlight ?? [];
    for (const id of path)
        if (!byId.has(id))
            throw new Error(`state graph: highlighted node ${id} is not in the graph`);
    const keep = keptNodes(graph, path, maxNodes);
    const nodes = graph.nodes.filter((n) => keep.has(n.id));
    const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
    const frontier = new Set();
    for (const e of graph.edges) {
        if (keep.has(e.from) !== keep.has(e.to))
            frontier.add(keep.has(e.from) ? e.from : e.to);
    }
    // Each step of the path takes a matching edge not used yet (or, when a loop repeats
    // a step, the first matching one, which then carries several step numbers).
    const pathEdges = new Map();
    for (let i = 0; i + 1 < path.length; i++) {
        const matches = (e) => e.from === path[i] && e.to === path[i + 1];
        let at = edges.findIndex((e, j) => matches(e) && !pathEdges.has(j));
        if (at < 0)
            at = edges.findIndex(matches);
        if (at >= 0)
            pathEdges.set(at, [...(pathEdges.get(at) ?? []), i + 1]);
    }
    return {
        nodes,
        edges,
        pathEdges,
        pathNodes: new Set(path),
        frontier,
        hiddenNodes: graph.nodes.length - nodes.length,
        hiddenEdges: graph.edges.length - edges.length,
    };
}
/**
 * All nodes when they fit; otherwise the path, violations and initial states first,
 * then breadth-first rings around them (both edge directions) until the cap.
 */
function keptNodes(graph, path, maxNodes) {
    if (graph.nodes.length <= maxNodes)
        return new Set(graph.nodes.map((n) => n.id));
    const seeds = [
        ...path,
        ...graph.nodes.filter((n) => n.violation).map((n) => n.id),
        ...graph.nodes.filter((n) => n.initial).map((n) => n.id),
    ];
    if (seeds.length === 0 && graph.nodes.length > 0)
        seeds.push(graph.nodes[0].id);
    const neighbours = new Map();
    const link = (a, b) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    for (const e of graph.edges) {
        link(e.from, e.to);
        link(e.to, e.from);
    }
    // The path itself is always kept, even past the cap: it is the point of the diagram.
    const keep = new Set(path);
    let ring = [];
    for (const id of seeds) {
        if (keep.size >= maxNodes && !path.includes(id))
            break;
        keep.add(id);
        ring.push(id);
    }
    while (ring.length > 0 && keep.size < maxNodes) {
        const next = [];
        for (const id of ring) {
            for (const n of neighbours.get(id) ?? []) {
                if (keep.size >= maxNodes)
                    break;
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
/** "3. label" for an edge on the path, "2,5. label" when a loop takes it twice. */
function stepLabel(steps, label) {
    return steps === undefined ? label : `${steps.join(',')}. ${label}`;
}
// ------------------------------------------------------------------ DOT
const PATH_COLOR = '#c62828';
export function stateGraphToDot(graph, options = {}) {
    const view = viewOf(graph, options.maxNodes);
    const max = options.maxLabel ?? 60;
    const lines = [
        'digraph "state graph" {',
        '  rankdir=TB;',
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f6fa", color="#8090a8", fontname="Helvetica,Arial,sans-serif", fontsize=10];',
        '  edge [color="#9aa6b8", fontname="Helvetica,Arial,sans-serif", fontsize=9, fontcolor="#44546a"];',
    ];
    for (const n of view.nodes) {
        const attrs = [`label=${dotString(clip(n.label, max))}`];
        if (view.pathNodes.has(n.id))
            attrs.push('fillcolor="#fde7e7"', `color="${PATH_COLOR}"`, 'penwidth=2');
        if (n.violation)
            attrs.push('fillcolor="#f8b4b4"', `color="${PATH_COLOR}"`, 'penwidth=2.5', 'peripheries=2');
        if (view.frontier.has(n.id))
            attrs.push('style="rounded,filled,dashed"');
        lines.push(`  n${n.id} [${attrs.join(', ')}];`);
        if (n.initial) {
            lines.push(`  init${n.id} [shape=point, width=0.1, color="#222222", label=""];`, `  init${n.id} -> n${n.id};`);
        }
    }
    view.edges.forEach((e, i) => {
        const steps = view.pathEdges.get(i);
        const label = stepLabel(steps, e.label);
        const attrs = [`label=${dotString(clip(label, max))}`];
        if (steps !== undefined)
            attrs.push(`color="${PATH_COLOR}"`, `fontcolor="${PATH_COLOR}"`, 'penwidth=2.5');
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
export function stateGraphToMermaid(graph, options = {}) {
    const view = viewOf(graph, options.maxNodes);
    const max = options.maxLabel ?? 60;
    const lines = ['flowchart TB'];
    for (const n of view.nodes) {
        const text = mermaidLabel(clip(n.label, max));
        lines.push(n.initial ? `  n${n.id}(["${text}"])` : `  n${n.id}["${text}"]`);
    }
    view.edges.forEach((e, i) => {
        const label = stepLabel(view.pathEdges.get(i), e.label);
        lines.push(label === '' ? `  n${e.from} --> n${e.to}` : `  n${e.from} -->|"${mermaidText(clip(label, max))}"| n${e.to}`);
    });
    if (view.hiddenNodes > 0) {
        lines.push(`  elided>"${mermaidText(`${view.hiddenNodes} more states and ${view.hiddenEdges} more transitions not shown`)}"]`);
    }
    lines.push('  classDef path fill:#fde7e7,stroke:#c62828,stroke-width:2px');
    lines.push('  classDef violation fill:#f8b4b4,stroke:#c62828,stroke-width:3px');
    lines.push('  classDef frontier stroke-dasharray:4 3');
    const classed = (name, ids) => {
        if (ids.length > 0)
            lines.push(`  class ${ids.map((id) => `n${id}`).join(',')} ${name}`);
    };
    classed('path', view.nodes.filter((n) => view.pathNodes.has(n.id) && !n.violation).map((n) => n.id));
    classed('violation', view.nodes.filter((n) => n.violation).map((n) => n.id));
    classed('frontier', view.nodes.filter((n) => view.frontier.has(n.id)).map((n) => n.id));
    if (view.pathEdges.size > 0) {
        lines.push(`  linkStyle ${[...view.pathEdges.keys()].sort((a, b) => a - b).join(',')} stroke:#c62828,stroke-width:3px`);
    }
    return `${lines.join('\n')}\n`;
}
