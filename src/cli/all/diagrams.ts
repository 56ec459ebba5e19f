/**
 * The main job's diagram files (out/diagrams/): every registered machine as Mermaid,
 * DOT and SVG; explored state graphs as DOT, Mermaid and SVG; counterexamples as
 * Mermaid sequence diagrams. Each writer also returns the Diagram the report embeds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisteredMachine } from '../../../models/registered-machine.ts';
import { machineToDot, machineToMermaid } from '../../diagram/machine.ts';
import { traceToMermaid } from '../../diagram/sequence.ts';
import { stateGraphToMermaid, type StateGraph, type StateGraphOptions } from '../../diagram/state-graph.ts';
import { dotToSvg } from '../../diagram/svg.ts';
import type { Counterexample } from '../../explore/counterexample.ts';
import { stateGraphDiagram } from '../../report/diagrams.ts';
import type { Diagram } from '../../report/types.ts';

/** A file name from any text: lower case, dashes, nothing a shell or URL would trip on. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'diagram';
}

function write(dir: string, name: string, text: string, files: string[]): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  files.push(path);
}

export async function writeMachineDiagram(entry: Pick<RegisteredMachine, 'name' | 'description' | 'machine'>, dir: string, files: string[]): Promise<Diagram> {
  const dot = machineToDot(entry.machine);
  const svg = await dotToSvg(dot);
  write(dir, `${entry.name}.mmd`, machineToMermaid(entry.machine), files);
  write(dir, `${entry.name}.dot`, dot, files);
  write(dir, `${entry.name}.svg`, svg, files);
  return { title: `Statechart: ${entry.name}`, caption: entry.description, svg, source: { format: 'dot', text: dot } };
}

export const STATE_GRAPH_OPTIONS: StateGraphOptions = { maxNodes: 80, maxLabel: 240 };

export async function writeStateGraph(title: string, name: string, graph: StateGraph, dir: string, files: string[]): Promise<Diagram> {
  const diagram = await stateGraphDiagram(title, graph, STATE_GRAPH_OPTIONS);
  write(dir, `${name}.dot`, diagram.source!.text, files);
  write(dir, `${name}.mmd`, stateGraphToMermaid(graph, STATE_GRAPH_OPTIONS), files);
  write(dir, `${name}.svg`, diagram.svg, files);
  return diagram;
}

export function writeSequence(name: string, cx: Counterexample, dir: string, files: string[]): void {
  write(dir, `${name}.mmd`, traceToMermaid(cx.header, cx.events), files);
}
