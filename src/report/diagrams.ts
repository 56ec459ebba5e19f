/**
 * Ready-to-embed diagrams for the report (async because Graphviz runs as WebAssembly).
 */
import type { RegisteredMachine } from '../../models/registered-machine.ts';
import { machineToDot } from '../diagram/machine.ts';
import { stateGraphToDot, viewOf, type StateGraph, type StateGraphOptions } from '../diagram/state-graph.ts';
import { dotToInlineSvg } from '../diagram/svg.ts';
import type { Diagram } from './types.ts';

export async function machineDiagram(entry: Pick<RegisteredMachine, 'name' | 'description' | 'machine'>): Promise<Diagram> {
  const dot = machineToDot(entry.machine);
  return { title: `Statechart: ${entry.name}`, caption: entry.description, svg: await dotToInlineSvg(dot), source: { format: 'dot', text: dot } };
}

export async function stateGraphDiagram(title: string, graph: StateGraph, options: StateGraphOptions = {}): Promise<Diagram> {
  const dot = stateGraphToDot(graph, options);
  const view = viewOf(graph, options.maxNodes);
  const shown = view.hiddenNodes > 0 ? `${view.nodes.length} of ${graph.nodes.length} states shown (around the path)` : `${graph.nodes.length} states, ${graph.edges.length} transitions`;
  const path = graph.highlight && graph.highlight.length > 1 ? `; counterexample path of ${graph.highlight.length - 1} steps in red` : '';
  return { title, caption: `${shown}${path}`, svg: await dotToInlineSvg(dot), source: { format: 'dot', text: dot } };
}
