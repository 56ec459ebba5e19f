/**
 * The main job's diagram files (out/diagrams/): every registered machine as Mermaid,
 * DOT and SVG; explored state graphs as DOT, Mermaid and SVG; counterexamples as
 * Mermaid sequence diagrams. Each writer also returns the Diagram the report embeds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineToDot, machineToMermaid } from '../../diagram/machine.js';
import { traceToMermaid } from '../../diagram/sequence.js';
import { stateGraphToMermaid } from '../../diagram/state-graph.js';
import { dotToSvg } from '../../diagram/svg.js';
import { stateGraphDiagram } from '../../report/diagrams.js';
/** A file name from any text: lower case, dashes, nothing a shell or URL would trip on. */
export function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'diagram';
}
function write(dir, name, text, files) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, text);
    files.push(path);
}
export async function writeMachineDiagram(entry, dir, files) {
    const dot = machineToDot(entry.machine);
    const svg = await dotToSvg(dot);
    write(dir, `${entry.name}.mmd`, machineToMermaid(entry.machine), files);
    write(dir, `${entry.name}.dot`, dot, files);
    write(dir, `${entry.name}.svg`, svg, files);
    return { title: `Statechart: ${entry.name}`, caption: entry.description, svg, source: { format: 'dot', text: dot } };
}
export const STATE_GRAPH_OPTIONS = { maxNodes: 80, maxLabel: 240 };
export async function writeStateGraph(title, name, graph, dir, files) {
    const diagram = await stateGraphDiagram(title, graph, STATE_GRAPH_OPTIONS);
    write(dir, `${name}.dot`, diagram.source.text, files);
    write(dir, `${name}.mmd`, stateGraphToMermaid(graph, STATE_GRAPH_OPTIONS), files);
    write(dir, `${name}.svg`, diagram.svg, files);
    return diagram;
}
export function writeSequence(name, cx, dir, files) {
    write(dir, `${name}.mmd`, traceToMermaid(cx.header, cx.events), files);
}
