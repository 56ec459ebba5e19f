import { machineToDot } from '../diagram/machine.js';
import { stateGraphToDot, viewOf } from '../diagram/state-graph.js';
import { dotToInlineSvg } from '../diagram/svg.js';
export async function machineDiagram(entry) {
    const dot = machineToDot(entry.machine);
    return { title: `Statechart: ${entry.name}`, caption: entry.description, svg: await dotToInlineSvg(dot), source: { format: 'dot', text: dot } };
}
export async function stateGraphDiagram(title, graph, options = {}) {
    const dot = stateGraphToDot(graph, options);
    const view = viewOf(graph, options.maxNodes);
    const shown = view.hiddenNodes > 0 ? `${view.nodes.length} of ${graph.nodes.length} states shown (around the path)` : `${graph.nodes.length} states, ${graph.edges.length} transitions`;
    const path = graph.highlight && graph.highlight.length > 1 ? `; counterexample path of ${graph.highlight.length - 1} steps in red` : '';
    return { title, caption: `${shown}${path}`, svg: await dotToInlineSvg(dot), source: { format: 'dot', text: dot } };
}
