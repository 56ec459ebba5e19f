import { allStates, toStatechart, transitionLabel } from './statechart.js';
import { clip, dotString, mermaidLabel, mermaidText, visible } from './escape.js';
export function machineToMermaid(machine) {
    return statechartToMermaid(toStatechart(machine));
}
export function machineToDot(machine) {
    return statechartToDot(toStatechart(machine));
}
function index(chart) {
    const ids = new Map();
    const parent = new Map();
    const byId = new Map();
    allStates(chart.root).forEach((s, i) => {
        ids.set(s.id, `s${i}`);
        byId.set(s.id, s);
        for (const c of s.children)
            parent.set(c.id, s.id);
    });
    return { chart, ids, parent, byId };
}
function ancestors(ix, id) {
    const out = [id];
    for (let p = ix.parent.get(id); p !== undefined; p = ix.parent.get(p))
        out.push(p);
    return out;
}
/**
 * The composite a transition is declared in: the deepest state containing the
 * source's parent and every target's parent (Mermaid lays edges out per composite).
 */
function scopeOf(ix, t) {
    const root = ix.chart.root.id;
    const scopeFor = (id) => ix.parent.get(id) ?? root;
    let common = ancestors(ix, scopeFor(t.source));
    for (const target of t.targets) {
        const chain = new Set(ancestors(ix, scopeFor(target)));
        common = common.filter((a) => chain.has(a));
    }
    return common[0] ?? root;
}
function stateLabel(s) {
    return s.kind === 'history' ? `${s.key} (history)` : s.key;
}
// ------------------------------------------------------------------ Mermaid
/** Edges that touch the machine root are declared outside it (not a valid state id). */
const ROOT_SCOPE = '\u0000root';
export function statechartToMermaid(chart) {
    const ix = index(chart);
    const edgesByScope = new Map();
    for (const t of chart.transitions) {
        const touchesRoot = t.source === chart.root.id || t.targets.includes(chart.root.id);
        const scope = touchesRoot ? ROOT_SCOPE : scopeOf(ix, t);
        edgesByScope.set(scope, [...(edgesByScope.get(scope) ?? []), t]);
    }
    const lines = ['stateDiagram-v2'];
    const emitBody = (s, depth) => {
        const pad = '  '.repeat(depth);
        if (s.initial !== undefined)
            lines.push(`${pad}[*] --> ${ix.ids.get(s.initial)}`);
        s.children.forEach((c, i) => {
            // Regions of a parallel state are separated by "--".
            if (s.kind === 'parallel' && i > 0)
                lines.push(`${pad}--`);
            emitState(c, depth);
        });
        for (const t of edgesByScope.get(s.id) ?? [])
            emitEdge(t, depth);
    };
    const emitEdge = (t, depth) => {
        const from = ix.ids.get(t.source);
        const label = mermaidText(clip(transitionLabel(t)));
        const targets = t.targets.length > 0 ? t.targets : [t.source];
        for (const target of targets)
            lines.push(`${'  '.repeat(depth)}${from} --> ${ix.ids.get(target)} : ${label}`);
    };
    const emitState = (s, depth) => {
        const pad = '  '.repeat(depth);
        const id = ix.ids.get(s.id);
        lines.push(`${pad}state "${mermaidLabel(clip(stateLabel(s)))}" as ${id}`);
        if (s.children.length > 0) {
            lines.push(`${pad}state ${id} {`);
            emitBody(s, depth + 1);
            lines.push(`${pad}}`);
        }
        if (s.kind === 'final')
            lines.push(`${pad}${id} --> [*]`);
    };
    // Transitions on the machine itself need the root drawn as a state they can leave.
    const rootHasEdges = chart.transitions.some((t) => t.source === chart.root.id || t.targets.includes(chart.root.id));
    if (rootHasEdges) {
        emitState(chart.root, 1);
        for (const t of edgesByScope.get(ROOT_SCOPE) ?? [])
            emitEdge(t, 1);
    }
    else {
        emitBody(chart.root, 1);
    }
    return `${lines.join('\n')}\n`;
}
// ------------------------------------------------------------------ DOT
const DOT_HEADER = [
    'rankdir=LR',
    'compound=true',
    'pad="0.3,0.2"',
    'fontname="Helvetica,Arial,sans-serif"',
    'node [shape=box, margin="0.14,0.06", style="rounded,filled", fillcolor="#eef3fb", color="#3b5b92", fontname="Helvetica,Arial,sans-serif", fontsize=11]',
    'edge [color="#44546a", fontname="Helvetica,Arial,sans-serif", fontsize=9]',
];
export function statechartToDot(chart) {
    const ix = index(chart);
    const lines = [`digraph ${dotString(chart.id)} {`, ...DOT_HEADER.map((l) => `  ${l};`)];
    // A composite is drawn as a cluster; edges attach to an anchor point inside it.
    const anchor = (s) => `${ix.ids.get(s.id)}_anchor`;
    const node = (id) => {
        const s = ix.byId.get(id);
        return s.children.length > 0 ? anchor(s) : ix.ids.get(id);
    };
    // Targetless transitions are internal: UML lists them inside the state, which also
    // keeps Graphviz from clipping the labels of self-loops at the drawing's edge.
    const internals = new Map();
    for (const t of chart.transitions) {
        if (t.targets.length === 0)
            internals.set(t.source, [...(internals.get(t.source) ?? []), transitionLabel(t)]);
    }
    const emit = (s, depth, isRoot) => {
        const pad = '  '.repeat(depth);
        const id = ix.ids.get(s.id);
        const internal = internals.get(s.id) ?? [];
        if (s.children.length === 0) {
            const label = s.kind === 'history' ? 'shape=circle, label="H"' : `label=${stateHtml(stateLabel(s), internal)}`;
            const extra = s.kind === 'final' ? ', peripheries=2' : '';
            lines.push(`${pad}${id} [${label}${extra}, tooltip=${dotString(s.id)}];`);
            return;
        }
        const inner = isRoot ? pad : `${pad}  `;
        if (!isRoot) {
            lines.push(`${pad}subgraph cluster_${id} {`);
            const style = s.kind === 'parallel' ? 'dashed,rounded' : 'rounded';
            lines.push(`${inner}label=${stateHtml(stateLabel(s), internal)}; style="${style}"; color="#3b5b92"; fontsize=11;`);
        }
        else if (internal.length > 0) {
            lines.push(`${inner}label=${stateHtml(stateLabel(s), internal)}; labelloc=t;`);
        }
        // The anchor is the initial pseudo-state dot for compound states, invisible for parallel ones.
        const visibleAnchor = s.initial !== undefined;
        lines.push(`${inner}${anchor(s)} [shape=point, width=0.12, ${visibleAnchor ? 'style=filled, fillcolor="#222222"' : 'style=invis'}, label=""];`);
        if (s.initial !== undefined)
            lines.push(`${inner}${anchor(s)} -> ${node(s.initial)};`);
        for (const c of s.children)
            emit(c, isRoot ? depth : depth + 1, false);
        if (!isRoot)
            lines.push(`${pad}}`);
    };
    emit(chart.root, 1, true);
    // A transition of a composite into its own inside fires "from any state in it": it
    // starts at an "any" marker, since Graphviz cannot clip an edge at a cluster it ends in.
    const anyNodes = new Set();
    const sourceNode = (src, dst) => {
        if (src.children.length === 0 || !ancestors(ix, dst.id).includes(src.id))
            return node(src.id);
        anyNodes.add(src.id);
        return `${ix.ids.get(src.id)}_any`;
    };
    const edges = [];
    for (const t of chart.transitions) {
        const src = ix.byId.get(t.source);
        const label = dotString(clip(transitionLabel(t)));
        if (t.targets.length === 0)
            continue; // drawn inside its state
        for (const target of t.targets) {
            const dst = ix.byId.get(target);
            const style = t.trigger === 'event' ? '' : ', style=dotted';
            edges.push(`  ${sourceNode(src, dst)} -> ${node(target)} [label=${label}${style}${clusterEnds(ix, src, dst)}];`);
        }
    }
    for (const id of anyNodes) {
        const label = dotString(`any state of ${clip(ix.byId.get(id).key, 40)}`);
        lines.push(`  ${ix.ids.get(id)}_any [shape=plaintext, style="", label=${label}, fontsize=9, fontcolor="#44546a"];`);
    }
    lines.push(...edges, '}');
    return `${lines.join('\n')}\n`;
}
/** A Graphviz HTML label: the state's name, then its internal transitions under a rule. */
function stateHtml(name, internal) {
    const head = `<TR><TD><B>${htmlText(clip(name))}</B></TD></TR>`;
    if (internal.length === 0)
        return `<<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0">${head}</TABLE>>`;
    const rows = internal.map((l) => `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">${htmlText(clip(l))}</FONT></TD></TR>`).join('');
    return `<<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0">${head}<HR/>${rows}</TABLE>>`;
}
/** Text inside a Graphviz HTML label (XML rules; Graphviz knows no &apos;). */
function htmlText(s) {
    return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** ltail/lhead clip edges at a cluster's border, unless one end lies inside the other. */
function clusterEnds(ix, src, dst) {
    const root = ix.chart.root.id;
    const contains = (outer, inner) => ancestors(ix, inner.id).includes(outer.id);
    const parts = [];
    if (src.children.length > 0 && src.id !== root && !contains(src, dst))
        parts.push(`ltail=cluster_${ix.ids.get(src.id)}`);
    if (dst.children.length > 0 && dst.id !== root && !contains(dst, src))
        parts.push(`lhead=cluster_${ix.ids.get(dst.id)}`);
    return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}
