/**
 * Statechart diagrams of XState machines: Mermaid `stateDiagram-v2` and Graphviz DOT.
 * States get generated ids (s0, s1, ...) and their names go into labels, so any
 * state, event, guard or action name renders, whatever characters it holds.
 */
import type { AnyStateMachine } from 'xstate';
import {
  allStates, shownTransitions, toStatechart, transitionLabel, transitionLabelParts,
  type ChartState, type ChartTransition, type Statechart,
} from './statechart.ts';
import { clip, dotString, mermaidLabel, mermaidText, visible } from './escape.ts';
import { FONT_NAME, fullyKnown, textWidth, wrapText, type FontStyle } from './text-metrics.ts';

export interface DiagramOptions {
  /** Also draw transitions that only discard or ignore their event (hidden by default). */
  all?: boolean;
  /** Draw a legend of the notation (default true). */
  legend?: boolean;
  /**
   * Give each state's SVG element the id PREFIX + its generated id (see statechartIds),
   * so a page can highlight states; several diagrams on one page need distinct prefixes.
   */
  idPrefix?: string;
}

/** The SVG element id of each state (by XState id) in a DOT drawing made with `idPrefix`. */
export function statechartIds(chart: Statechart, idPrefix: string): Record<string, string> {
  const ix = index(chart);
  return Object.fromEntries([...ix.ids].map(([state, id]) => [state, `${idPrefix}${id}`]));
}

export function machineToMermaid(machine: AnyStateMachine, options: DiagramOptions = {}): string {
  return statechartToMermaid(toStatechart(machine), options);
}

export function machineToDot(machine: AnyStateMachine, options: DiagramOptions = {}): string {
  return statechartToDot(toStatechart(machine), options);
}

// ------------------------------------------------------------------ shared

interface Indexed {
  chart: Statechart;
  ids: Map<string, string>;
  parent: Map<string, string>;
  byId: Map<string, ChartState>;
}

function index(chart: Statechart): Indexed {
  const ids = new Map<string, string>();
  const parent = new Map<string, string>();
  const byId = new Map<string, ChartState>();
  allStates(chart.root).forEach((s, i) => {
    ids.set(s.id, `s${i}`);
    byId.set(s.id, s);
    for (const c of s.children) parent.set(c.id, s.id);
  });
  return { chart, ids, parent, byId };
}

function ancestors(ix: Indexed, id: string): string[] {
  const out = [id];
  for (let p = ix.parent.get(id); p !== undefined; p = ix.parent.get(p)) out.push(p);
  return out;
}

/**
 * The composite a transition is declared in: the deepest state containing the
 * source's parent and every target's parent (Mermaid lays edges out per composite).
 */
function scopeOf(ix: Indexed, t: ChartTransition): string {
  const root = ix.chart.root.id;
  const scopeFor = (id: string) => ix.parent.get(id) ?? root;
  let common = ancestors(ix, scopeFor(t.source));
  for (const target of t.targets) {
    const chain = new Set(ancestors(ix, scopeFor(target)));
    common = common.filter((a) => chain.has(a));
  }
  return common[0] ?? root;
}

function stateLabel(s: ChartState): string {
  return s.kind === 'history' ? `${s.key} (history)` : s.key;
}

// ------------------------------------------------------------------ Mermaid

/** Edges that touch the machine root are declared outside it (not a valid state id). */
const ROOT_SCOPE = '\u0000root';

/** Mermaid sizes its boxes from the browser's own measurements: lines only keep labels narrow. */
const MERMAID_LINE = 44;
/** Line break inside a Mermaid label (the label pieces joined by spaces give the label back). */
export const MERMAID_BREAK = '<br/>';

/** A transition label on lines of at most MERMAID_LINE characters, broken at spaces only. */
function mermaidTransitionLabel(t: ChartTransition): string {
  const whole = transitionLabel(t);
  if ([...whole].length <= MERMAID_LINE) return mermaidText(whole);
  const lines: string[] = [];
  for (const part of transitionLabelParts(t)) {
    let line: string | null = null;
    for (const word of part.split(' ')) {
      if (line !== null && [...line].length + 1 + [...word].length > MERMAID_LINE) {
        lines.push(line);
        line = word;
      } else {
        line = line === null ? word : `${line} ${word}`;
      }
    }
    lines.push(line ?? '');
  }
  return lines.map((l) => mermaidText(clip(l, MAX_CHARS))).join(MERMAID_BREAK);
}

export function statechartToMermaid(chart: Statechart, options: DiagramOptions = {}): string {
  const ix = index(chart);
  const { shown, hidden } = shownTransitions(chart, options.all ?? false);
  const edgesByScope = new Map<string, ChartTransition[]>();
  for (const t of shown) {
    const touchesRoot = t.source === chart.root.id || t.targets.includes(chart.root.id);
    const scope = touchesRoot ? ROOT_SCOPE : scopeOf(ix, t);
    edgesByScope.set(scope, [...(edgesByScope.get(scope) ?? []), t]);
  }
  const lines = ['stateDiagram-v2'];
  const emitBody = (s: ChartState, depth: number) => {
    const pad = '  '.repeat(depth);
    if (s.initial !== undefined) lines.push(`${pad}[*] --> ${ix.ids.get(s.initial)}`);
    s.children.forEach((c, i) => {
      // Regions of a parallel state are separated by "--".
      if (s.kind === 'parallel' && i > 0) lines.push(`${pad}--`);
      emitState(c, depth);
    });
    for (const t of edgesByScope.get(s.id) ?? []) emitEdge(t, depth);
  };
  const emitEdge = (t: ChartTransition, depth: number) => {
    const from = ix.ids.get(t.source)!;
    const label = mermaidTransitionLabel(t);
    const targets = t.targets.length > 0 ? t.targets : [t.source];
    for (const target of targets) lines.push(`${'  '.repeat(depth)}${from} --> ${ix.ids.get(target)} : ${label}`);
  };
  const emitState = (s: ChartState, depth: number) => {
    const pad = '  '.repeat(depth);
    const id = ix.ids.get(s.id)!;
    lines.push(`${pad}state "${mermaidLabel(clip(stateLabel(s)))}" as ${id}`);
    if (s.children.length > 0) {
      lines.push(`${pad}state ${id} {`);
      emitBody(s, depth + 1);
      lines.push(`${pad}}`);
    }
    if (s.kind === 'final') lines.push(`${pad}${id} --> [*]`);
  };
  // Transitions on the machine itself need the root drawn as a state they can leave.
  const rootHasEdges = shown.some((t) => t.source === chart.root.id || t.targets.includes(chart.root.id));
  if (rootHasEdges) {
    emitState(chart.root, 1);
    for (const t of edgesByScope.get(ROOT_SCOPE) ?? []) emitEdge(t, 1);
  } else {
    emitBody(chart.root, 1);
  }
  // The legend is a note beside the outermost drawn state.
  const outer = rootHasEdges ? chart.root : chart.root.children[0];
  if ((options.legend ?? true) && outer !== undefined) {
    const rows = ['Legend', 'EVENT [guard] / actions: a transition', 'always, after: taken by itself'];
    if (hidden > 0) rows.push(`${hidden} transition${hidden === 1 ? '' : 's'} that only discard or ignore an event not drawn (--all draws them)`);
    lines.push(`  note left of ${ix.ids.get(outer.id)}`, ...rows.map((r) => `    ${mermaidText(r)}`), '  end note');
  }
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ DOT

/*
 * Every label is an HTML-like table of fixed-size cells whose widths come from
 * text-metrics.ts (Liberation Sans' own advance widths), so Graphviz reserves exactly the
 * room the browser needs, whatever its own estimates. Text that the font fully covers is
 * centred (Graphviz knows this font's metrics too, so its centring is exact); anything
 * else is left-aligned, so a line starts at its cell's edge and, counted generously,
 * ends inside it. `newrank` ranks nodes globally instead of cluster by cluster: with the
 * old per-cluster ranking, an edge label crossing several nested cluster borders could
 * leave Graphviz without a corridor to route through ("Pshortestpath failed").
 */
const NAME: FontStyle = { size: 11, bold: true };
const ROW: FontStyle = { size: 9 };
const MAX_STATE_TEXT = 260;
const MAX_EDGE_TEXT = 180;
/** Longest label text kept before wrapping; one huge value cannot blow up a diagram. */
const MAX_CHARS = 240;
const DOT_HEADER = [
  'rankdir=LR',
  'compound=true',
  'newrank=true',
  'pad="0.3,0.2"',
  'nodesep=0.3',
  `fontname="${FONT_NAME}"`,
  `node [shape=box, margin="0.08,0.04", style="rounded,filled", fillcolor="#eef3fb", color="#3b5b92", fontname="${FONT_NAME}", fontsize=11]`,
  `edge [color="#44546a", fontname="${FONT_NAME}", fontsize=9]`,
];

interface Line {
  text: string;
  style: FontStyle;
  /** A horizontal rule above this line. */
  rule?: boolean;
  center?: boolean;
}

/** The lines of a transition's label, wrapped at `max` points. */
function transitionLines(t: ChartTransition, max: number, center = false): Line[] {
  const whole = clip(transitionLabel(t), MAX_CHARS);
  if (textWidth(whole, ROW) <= max) return [{ text: whole, style: ROW, center }];
  return transitionLabelParts(t).flatMap((part) =>
    wrapText(clip(part, MAX_CHARS), max, ROW).map((text) => ({ text, style: ROW, center })));
}

/** A state's box: its name, then its internal transitions under a rule. */
function stateLines(name: string, internal: ChartTransition[]): Line[] {
  const lines: Line[] = wrapText(clip(name, MAX_CHARS), MAX_STATE_TEXT, NAME).map((text) => ({ text, style: NAME, center: true }));
  internal.forEach((t, k) => {
    const rows = transitionLines(t, MAX_STATE_TEXT);
    if (k === 0) rows[0].rule = true;
    lines.push(...rows);
  });
  return lines;
}

/**
 * A Graphviz HTML label of fixed-size cells, each as wide as the widest line measures.
 * Graphviz puts a line's baseline near the bottom of its cell, so a last, empty row
 * leaves room for the descenders (g, p, y) of the last line.
 */
export function htmlLabel(lines: Line[], border = 0): string {
  const width = Math.ceil(Math.max(4, ...lines.map((l) => textWidth(l.text, l.style)))) + 4;
  const rows = lines.map((l) => {
    const height = Math.ceil(l.style.size * 1.3);
    const align = l.center && fullyKnown(l.text) ? '' : ' ALIGN="LEFT"';
    const text = htmlText(l.text);
    const body = text === '' ? '' : `<FONT POINT-SIZE="${l.style.size}">${l.style.bold ? `<B>${text}</B>` : text}</FONT>`;
    return `${l.rule ? '<HR/>' : ''}<TR><TD FIXEDSIZE="TRUE" WIDTH="${width}" HEIGHT="${height}"${align}>${body}</TD></TR>`;
  });
  const last = lines.at(-1)?.style.size ?? ROW.size;
  rows.push(`<TR><TD FIXEDSIZE="TRUE" WIDTH="${width}" HEIGHT="${Math.ceil(last * 0.3)}"></TD></TR>`);
  const table = `<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0">${rows.join('')}</TABLE>`;
  if (border === 0) return `<${table}>`;
  return `<<TABLE BORDER="${border}" COLOR="#8a96a8" CELLBORDER="0" CELLPADDING="5" CELLSPACING="0"><TR><TD>${table}</TD></TR></TABLE>>`;
}

/** The notation, for a reader who has not met UML statecharts. */
function legendLines(hidden: number): Line[] {
  const rows = [
    'event [guard] / actions: a transition',
    'dotted arrow: taken by itself (always, after)',
    'rows under a state\'s name: transitions that stay in it',
    'filled dot: initial state; double border: final state',
  ];
  if (hidden > 0) rows.push(`${hidden} transition${hidden === 1 ? '' : 's'} that only discard or ignore an event not drawn (--all draws them)`);
  return [{ text: 'Legend', style: NAME }, ...rows.map((text, k) => ({ text, style: ROW, rule: k === 0 }))];
}

export function statechartToDot(chart: Statechart, options: DiagramOptions = {}): string {
  const ix = index(chart);
  const { shown, hidden } = shownTransitions(chart, options.all ?? false);
  const lines = [`digraph ${dotString(chart.id)} {`, ...DOT_HEADER.map((l) => `  ${l};`)];
  // A composite is drawn as a cluster; edges attach to an anchor point inside it.
  const anchor = (s: ChartState) => `${ix.ids.get(s.id)}_anchor`;
  const node = (id: string) => {
    const s = ix.byId.get(id)!;
    return s.children.length > 0 ? anchor(s) : ix.ids.get(id)!;
  };
  // Targetless transitions are internal: UML lists them inside the state, which also
  // keeps Graphviz from clipping the labels of self-loops at the drawing's edge.
  const internals = new Map<string, ChartTransition[]>();
  for (const t of shown) {
    if (t.targets.length === 0) internals.set(t.source, [...(internals.get(t.source) ?? []), t]);
  }
  // A transition of a composite into its own inside fires "from any state in it": it
  // starts at an "any" marker, since Graphviz cannot clip an edge at a cluster it ends in.
  const anyNodes = new Set<string>();
  const sourceNode = (src: ChartState, dst: ChartState) => {
    if (src.children.length === 0 || !ancestors(ix, dst.id).includes(src.id)) return node(src.id);
    anyNodes.add(src.id);
    return `${ix.ids.get(src.id)}_any`;
  };
  // Each transition's label is a node of its own on the way from source to target, in
  // the innermost composite holding both: Graphviz never lets nodes overlap, while the
  // labels it places itself can land on other labels and on cluster borders.
  const labelNodes = new Map<string, string[]>();
  const edges: string[] = [];
  let labels = 0;
  for (const t of shown) {
    if (t.targets.length === 0) continue; // drawn inside its state
    const src = ix.byId.get(t.source)!;
    const label = htmlLabel(transitionLines(t, MAX_EDGE_TEXT, true));
    const style = t.trigger === 'event' ? '' : ', style=dotted';
    for (const target of t.targets) {
      const dst = ix.byId.get(target)!;
      const id = `t${labels++}`;
      const scope = scopeOf(ix, { ...t, targets: [target] });
      labelNodes.set(scope, [...(labelNodes.get(scope) ?? []), `${id} [shape=plaintext, style="", margin="0.02,0", class="transition", label=${label}];`]);
      const ends = clusterEnds(ix, src, dst);
      edges.push(`  ${sourceNode(src, dst)} -> ${id} [arrowhead=none${style}${ends.tail}];`);
      const head = `${style}${ends.head}`.replace(/^, /, '');
      edges.push(`  ${id} -> ${node(target)}${head === '' ? '' : ` [${head}]`};`);
    }
  }
  const emit = (s: ChartState, depth: number, isRoot: boolean) => {
    const pad = '  '.repeat(depth);
    const id = ix.ids.get(s.id)!;
    const internal = internals.get(s.id) ?? [];
    if (s.children.length === 0) {
      const label = s.kind === 'history' ? 'shape=circle, label="H"' : `label=${htmlLabel(stateLines(stateLabel(s), internal))}`;
      const extra = s.kind === 'final' ? ', peripheries=2' : '';
      const svgId = options.idPrefix !== undefined ? `, id=${dotString(`${options.idPrefix}${id}`)}` : '';
      lines.push(`${pad}${id} [${label}${extra}${svgId}, tooltip=${dotString(s.id)}];`);
      return;
    }
    const inner = isRoot ? pad : `${pad}  `;
    if (!isRoot) {
      // The composite's name is a node of its own, ranked with its initial dot: Graphviz
      // keeps edge labels off nodes, but not off cluster labels.
      lines.push(`${pad}subgraph cluster_${id} {`);
      const style = s.kind === 'parallel' ? 'dashed,rounded' : 'rounded';
      const svgId = options.idPrefix !== undefined ? ` id=${dotString(`${options.idPrefix}${id}`)};` : '';
      lines.push(`${inner}label=""; style="${style}"; color="#3b5b92";${svgId}`);
      lines.push(`${inner}${id}_name [shape=plaintext, style="", margin="0.04,0", label=${htmlLabel(stateLines(stateLabel(s), internal))}];`);
      lines.push(`${inner}{ rank=same; ${id}_name; ${anchor(s)}; }`);
    } else if (internal.length > 0) {
      lines.push(`${inner}label=${htmlLabel(stateLines(stateLabel(s), internal))}; labelloc=t;`);
    }
    // The anchor is the initial pseudo-state dot for compound states, invisible for parallel ones.
    const visibleAnchor = s.initial !== undefined;
    lines.push(`${inner}${anchor(s)} [shape=point, width=0.12, ${visibleAnchor ? 'style=filled, fillcolor="#222222"' : 'style=invis'}, label=""];`);
    if (s.initial !== undefined) lines.push(`${inner}${anchor(s)} -> ${node(s.initial)};`);
    for (const c of s.children) emit(c, isRoot ? depth : depth + 1, false);
    for (const l of labelNodes.get(s.id) ?? []) lines.push(`${inner}${l}`);
    if (!isRoot) lines.push(`${pad}}`);
  };
  emit(chart.root, 1, true);
  for (const id of anyNodes) {
    const label = htmlLabel([{ text: `any state of ${clip(ix.byId.get(id)!.key, 40)}`, style: ROW }]);
    lines.push(`  ${ix.ids.get(id)}_any [shape=plaintext, style="", label=${label}, fontcolor="#44546a"];`);
  }
  if (options.legend ?? true) {
    // Below the drawing as the graph's label (Graphviz keeps it clear of everything), unless
    // that label already lists the machine's own internal transitions.
    const legend = htmlLabel(legendLines(hidden), 1);
    if (internals.has(chart.root.id)) lines.push(`  legend [shape=plaintext, style="", margin=0, label=${legend}];`);
    else lines.push(`  label=${legend}; labelloc=b; labeljust=l;`);
  }
  lines.push(...edges, '}');
  return `${lines.join('\n')}\n`;
}

/** Text inside a Graphviz HTML label (XML rules; Graphviz knows no &apos;). */
function htmlText(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** ltail/lhead clip edges at a cluster's border, unless one end lies inside the other. */
function clusterEnds(ix: Indexed, src: ChartState, dst: ChartState): { tail: string; head: string } {
  const root = ix.chart.root.id;
  const contains = (outer: ChartState, inner: ChartState) => ancestors(ix, inner.id).includes(outer.id);
  const tail = src.children.length > 0 && src.id !== root && !contains(src, dst) ? `, ltail=cluster_${ix.ids.get(src.id)}` : '';
  const head = dst.children.length > 0 && dst.id !== root && !contains(dst, src) ? `, lhead=cluster_${ix.ids.get(dst.id)}` : '';
  return { tail, head };
}
