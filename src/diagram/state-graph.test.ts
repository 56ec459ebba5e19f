import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { stateGraphToDot, stateGraphToMermaid, viewOf, type StateGraph } from './state-graph.ts';
import { dotToSvg } from './svg.ts';
import { clip } from './escape.ts';
import { readFlowchart } from './testing/mermaid-node.ts';

const small: StateGraph = {
  nodes: [
    { id: 0, label: 'a=0 b=0', initial: true },
    { id: 1, label: 'a=1 "quoted" [x]' },
    { id: 2, label: 'a=1 b=1 ✗', violation: true },
    { id: 3, label: 'b=1' },
  ],
  edges: [
    { from: 0, to: 1, label: 'inc a' },
    { from: 1, to: 2, label: 'inc b' },
    { from: 0, to: 3, label: 'inc b' },
    { from: 3, to: 2, label: 'inc a' },
  ],
  highlight: [0, 1, 2],
};

/** A chain 0 -> 1 -> ... -> n-1 with a shortcut from every node to the next-but-one. */
function ladder(n: number, highlight: number[]): StateGraph {
  const nodes = Array.from({ length: n }, (_, id) => ({ id, label: `s${id}`, initial: id === 0 }));
  const edges = nodes.flatMap(({ id }) => [
    ...(id + 1 < n ? [{ from: id, to: id + 1, label: 'step' }] : []),
    ...(id + 2 < n ? [{ from: id, to: id + 2, label: 'jump' }] : []),
  ]);
  return { nodes, edges, highlight };
}

describe('state graph diagrams', () => {
  it('highlights the path edges in order and marks the violation', async () => {
    const dot = stateGraphToDot(small);
    expect(dot).toMatch(/n0 -> n1 \[label="1\. inc a", color="#c62828"/);
    expect(dot).toMatch(/n1 -> n2 \[label="2\. inc b", color="#c62828"/);
    expect(dot).toMatch(/n0 -> n3 \[label="inc b"\]/);
    expect(dot).toMatch(/n2 \[[^\]]*peripheries=2/);
    const svg = await dotToSvg(dot);
    expect(svg).toContain('a=1 &quot;quoted&quot; [x]');
  });

  it('Mermaid: parses, keeps labels, styles exactly the path edges', async () => {
    const parsed = await readFlowchart(stateGraphToMermaid(small));
    expect(parsed.vertices.get('n1')).toBe('a=1 "quoted" [x]');
    const styled = parsed.edges.filter((e) => e.style.some((s) => s.includes('#c62828')));
    expect(styled.map((e) => e.label)).toEqual(['1. inc a', '2. inc b']);
  });

  it('a loop that repeats a step numbers the edge with both steps', () => {
    const g: StateGraph = { nodes: [{ id: 0, label: 'x' }, { id: 1, label: 'y' }], edges: [{ from: 0, to: 1, label: 'go' }, { from: 1, to: 0, label: 'back' }], highlight: [0, 1, 0, 1] };
    expect(stateGraphToDot(g)).toContain('label="1,3. go"');
  });

  it('large graphs keep the path and its neighbourhood, and say what was left out', async () => {
    const path = Array.from({ length: 40 }, (_, i) => i * 2 + 100);
    const g = ladder(5000, path.filter((_, i) => i > 0).length ? [99, ...path] : path);
    const view = viewOf(g, 120);
    expect(view.nodes.length).toBeLessThanOrEqual(120);
    for (const id of g.highlight!) expect(view.nodes.some((n) => n.id === id)).toBe(true);
    expect(view.hiddenNodes).toBe(5000 - view.nodes.length);
    expect(view.frontier.size).toBeGreaterThan(0);
    const dot = stateGraphToDot(g, { maxNodes: 120 });
    expect(dot).toContain(`${view.hiddenNodes} more states`);
    expect(await dotToSvg(dot)).toContain('<svg');
  });

  it('a path longer than the cap is still drawn whole', () => {
    const g = ladder(300, Array.from({ length: 300 }, (_, i) => i));
    expect(viewOf(g, 50).nodes.length).toBe(300);
  });

  /** 0 -> 1 -> 2 -> 3 -> 1: a prefix of one step, then a 3-step cycle back to state 1. */
  const lasso: StateGraph = {
    nodes: [0, 1, 2, 3].map((id) => ({ id, label: `s${id}`, initial: id === 0 })),
    edges: [{ from: 0, to: 1, label: 'a' }, { from: 1, to: 2, label: 'b' }, { from: 2, to: 3, label: 'c' }, { from: 3, to: 1, label: 'd' }, { from: 2, to: 0, label: 'e' }],
    highlight: [0, 1, 2, 3, 1],
    loopAt: 1,
  };

  it('a lasso: DOT draws one dashed back edge, labelled, from the cycle\'s last state to the marked loop start', async () => {
    const dot = stateGraphToDot(lasso);
    const dashed = dot.split('\n').filter((l) => l.includes('style=dashed'));
    expect(dashed).toEqual(['  n3 -> n1 [label="↺ 4. d (back to loop start)", color="#6a1b9a", fontcolor="#6a1b9a", penwidth=2.5, style=dashed, constraint=false];']);
    expect(dot).toMatch(/n1 \[label="↺ loop start\\ns1", [^\]]*peripheries=2/);
    expect(dot).toMatch(/n1 -> n2 \[label="2\. b", color="#c62828"/);
    const svg = await dotToSvg(dot);
    expect(svg).toContain('back to loop start');
    expect(svg).toContain('loop start');
  });

  it('a lasso: Mermaid has one dotted back edge to the loop start, styled apart from the red prefix and cycle', async () => {
    const parsed = await readFlowchart(stateGraphToMermaid(lasso));
    const back = parsed.edges.filter((e) => e.label.includes('back to loop start'));
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ from: 'n3', to: 'n1', label: '↺ 4. d (back to loop start)' });
    expect(back[0].style.join(';')).toContain('#6a1b9a');
    expect(parsed.vertices.get('n1')).toMatch(/^↺ loop start/);
    expect(parsed.edges.filter((e) => e.style.some((x) => x.includes('#c62828'))).map((e) => e.label)).toEqual(['1. a', '2. b', '3. c']);
  });

  it('a lasso that ends stuttering gets a self-loop saying so; a back edge missing from the graph is added', () => {
    const stutter = viewOf({ ...lasso, highlight: [0, 1, 2], loopAt: 2 });
    expect(stutter.back).toMatchObject({ loopStart: 2, stutter: true });
    expect(stutter.edges[stutter.back!.edge]).toEqual({ from: 2, to: 2, label: 'stutters forever (no fair step enabled)' });
    const missing = viewOf({ ...lasso, highlight: [0, 1, 2, 0], loopAt: 0 });
    expect(missing.edges[missing.back!.edge]).toMatchObject({ from: 2, to: 0, label: 'e' });
    const added = viewOf({ ...lasso, highlight: [0, 1, 2, 1], loopAt: 1 });
    expect(added.edges[added.back!.edge]).toEqual({ from: 2, to: 1, label: '' });
    expect(stateGraphToDot({ ...lasso, highlight: [0, 1, 2, 1], loopAt: 1 })).toContain('n2 -> n1 [label="↺ 3. (back to loop start)"');
  });

  it('rejects a lasso that does not return to its loop start, or a loopAt off the path', () => {
    expect(() => viewOf({ ...lasso, highlight: [0, 1, 2, 3], loopAt: 1 })).toThrow(/must end where its cycle starts/);
    expect(() => viewOf({ ...lasso, loopAt: 5 })).toThrow(/loopAt 5/);
  });

  it('rejects a graph whose edges or path name unknown nodes', () => {
    expect(() => stateGraphToDot({ nodes: [{ id: 0, label: 'a' }], edges: [{ from: 0, to: 9, label: 'x' }] })).toThrow(/unknown node/);
    expect(() => stateGraphToDot({ nodes: [{ id: 0, label: 'a' }], edges: [], highlight: [0, 4] })).toThrow(/highlighted node 4/);
    expect(() => stateGraphToDot({ nodes: [{ id: 0, label: 'a' }, { id: 0, label: 'b' }], edges: [] })).toThrow(/twice/);
  });
});

const label = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('"', '|', '-->', '[]', '#quot;', '\\', '\\n', 'end'));
const randomGraph = fc.integer({ min: 1, max: 25 }).chain((n) => fc.record({
  labels: fc.array(label, { minLength: n, maxLength: n }),
  edges: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), label }), { maxLength: 40 }),
  walk: fc.array(fc.nat(), { maxLength: 10 }),
  violation: fc.nat(n - 1),
})).map(({ labels, edges, walk, violation }): StateGraph => {
  // The highlighted path follows real edges: from node 0, take the walk's choices.
  const path = [0];
  for (const choice of walk) {
    const out = edges.filter((e) => e.from === path[path.length - 1]);
    if (out.length === 0) break;
    path.push(out[choice % out.length].to);
  }
  return {
    nodes: labels.map((l, id) => ({ id, label: l, initial: id === 0, violation: id === violation })),
    edges,
    highlight: path,
  };
});

describe('generated state graphs', () => {
  test.prop([randomGraph, fc.nat()], { numRuns: 30 })('a generated lasso has exactly one back edge, into its loop start, and Mermaid parses it', async (g, pick) => {
    const path = g.highlight!;
    const loopAt = pick % path.length;
    const lassoed: StateGraph = { ...g, highlight: loopAt === path.length - 1 ? path : [...path, path[loopAt]], loopAt };
    const view = viewOf(lassoed);
    expect(view.back!.loopStart).toBe(path[loopAt]);
    expect(view.edges[view.back!.edge].to).toBe(path[loopAt]);
    const parsed = await readFlowchart(stateGraphToMermaid(lassoed));
    const dotted = parsed.edges.filter((e) => e.style.some((x) => x.includes('#6a1b9a')));
    expect(dotted).toHaveLength(1);
    expect(dotted[0].to).toBe(`n${path[loopAt]}`);
    expect(await dotToSvg(stateGraphToDot(lassoed))).toContain('<svg');
  });

  test.prop([randomGraph, fc.integer({ min: 3, max: 30 })], { numRuns: 40 })('DOT renders, Mermaid parses with labels intact', async (g, cap) => {
    const svg = await dotToSvg(stateGraphToDot(g, { maxNodes: cap }));
    expect(svg).toContain('<svg');
    const view = viewOf(g, cap);
    const parsed = await readFlowchart(stateGraphToMermaid(g, { maxNodes: cap }));
    for (const n of view.nodes) expect(parsed.vertices.get(`n${n.id}`)).toBe(n.label === '' ? '\u00a0' : clip(n.label, 60));
    expect(parsed.edges.length).toBe(view.edges.length);
    const styled = parsed.edges.filter((e) => e.style.some((s) => s.includes('#c62828'))).length;
    expect(styled).toBe(view.pathEdges.size);
  });
});
