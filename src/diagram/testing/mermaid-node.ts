/**
 * Mermaid's own parser, run in Node for tests. Mermaid sanitizes labels with
 * DOMPurify, which needs a DOM; parsing does not, so the sanitizer is replaced by an
 * identity function here (rendering is tested in headless Chromium instead).
 */
import DOMPurify from 'dompurify';

type MermaidModule = typeof import('mermaid')['default'];
let loaded: Promise<MermaidModule> | undefined;

async function load(): Promise<MermaidModule> {
  const purify = DOMPurify as unknown as Record<string, unknown>;
  if (typeof purify.addHook !== 'function') {
    Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (s: unknown) => String(s) });
  }
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  await mermaid.parse('flowchart TB\n  a'); // registers the built-in diagram types
  return mermaid;
}

export function mermaid(): Promise<MermaidModule> {
  loaded ??= load();
  return loaded;
}

/** Parses with Mermaid; throws Mermaid's parse error on bad syntax. */
export async function parseMermaid(text: string): Promise<string> {
  const m = await mermaid();
  const result = await m.parse(text);
  if (!result) throw new Error('mermaid.parse returned false');
  return result.diagramType;
}

/** Mermaid keeps entity codes as placeholders until it renders; this undoes them. */
export function decodePlaceholders(s: string): string {
  return s.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

export interface ParsedStateDiagram {
  /** state id -> decoded label */
  states: Map<string, string>;
  edges: { from: string; to: string; label: string }[];
}

interface StateDb {
  getData(): {
    nodes: { id: string; label?: unknown; isGroup?: boolean; shape?: string }[];
    edges: { start: string; end: string; label?: string }[];
  };
}
interface FlowDb {
  getVertices(): Map<string, { text?: string }>;
  getEdges(): { start: string; end: string; text?: string; style?: string[] }[];
}
interface SequenceDb {
  getActors(): Map<string, { description: string }>;
  getMessages(): { from?: string; to?: string; message: string; type: number }[];
}

async function db<T>(text: string): Promise<T> {
  const m = await mermaid();
  const diagram = await m.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as T;
}

/** The states and transitions Mermaid read from a stateDiagram (all nesting levels). */
export async function readStateDiagram(text: string): Promise<ParsedStateDiagram> {
  const data = (await db<StateDb>(text)).getData();
  const states = new Map<string, string>();
  for (const n of data.nodes) states.set(n.id, decodePlaceholders(typeof n.label === 'string' ? n.label : ''));
  const edges = data.edges.map((e) => ({ from: e.start, to: e.end, label: decodePlaceholders(e.label ?? '') }));
  return { states, edges };
}

export async function readFlowchart(text: string) {
  const d = await db<FlowDb>(text);
  return {
    vertices: new Map([...d.getVertices()].map(([id, v]) => [id, decodePlaceholders(v.text ?? '')])),
    edges: d.getEdges().map((e) => ({ from: e.start, to: e.end, label: decodePlaceholders(e.text ?? ''), style: e.style ?? [] })),
  };
}

export async function readSequence(text: string) {
  const d = await db<SequenceDb>(text);
  return {
    actors: new Map([...d.getActors()].map(([id, a]) => [id, decodePlaceholders(a.description)])),
    messages: d.getMessages().map((m) => ({ ...m, message: decodePlaceholders(m.message) })),
  };
}
