import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import type { AnyStateMachine } from 'xstate';
import { findMachine, machines } from '../../models/index.ts';
import { MERMAID_BREAK, machineToDot, machineToMermaid } from './machine.ts';
import { toStatechart, transitionLabel, allStates, shownTransitions, isDiscardOnly } from './statechart.ts';
import { clip } from './escape.ts';
import { dotToSvg } from './svg.ts';
import { textWidth } from './text-metrics.ts';
import { parseMermaid, readStateDiagram } from './testing/mermaid-node.ts';
import { generatedMachine } from './testing/generated-machines.ts';
import { awkwardMachine, featureMachine } from './testing/fixture-machines.ts';

/** Mermaid's reading of our output must give back every state name and edge label. */
async function expectMermaidRoundTrip(machine: AnyStateMachine, all = false) {
  const chart = toStatechart(machine);
  const parsed = await readStateDiagram(machineToMermaid(machine, { all }));
  const labels = [...parsed.states.values()];
  // The root is drawn (as a state) only when transitions leave or enter it.
  const { shown } = shownTransitions(chart, all);
  const rootDrawn = shown.some((t) => t.source === chart.root.id || t.targets.includes(chart.root.id));
  for (const s of allStates(chart.root).filter((x) => x !== chart.root || rootDrawn)) {
    expect(labels).toContain(clip(s.kind === 'history' ? `${s.key} (history)` : s.key));
  }
  // Long labels are broken into lines at spaces; joined with spaces they read as written.
  const edgeLabels = parsed.edges.map((e) => e.label.replaceAll(MERMAID_BREAK, ' ')).filter((l) => l !== '');
  const expected = shown.flatMap((t) => Array(Math.max(1, t.targets.length)).fill(transitionLabel(t)));
  expect(edgeLabels.sort()).toEqual(expected.sort());
}

async function expectDotRenders(machine: AnyStateMachine) {
  const svg = await dotToSvg(machineToDot(machine));
  expect(svg).toContain('<svg');
  const chart = toStatechart(machine);
  const leaves = allStates(chart.root).filter((s) => s.children.length === 0);
  for (const s of leaves) expect(svg).toContain(`<title>s`); // every leaf is a node
  return { svg, leaves };
}

describe('statechart extraction', () => {
  it('reads nesting, initial, final, history, guards, actions, always and after', () => {
    const chart = toStatechart(featureMachine);
    const kinds = Object.fromEntries(allStates(chart.root).map((s) => [s.id, s.kind]));
    expect(kinds).toMatchObject({
      feature: 'compound', 'feature.run': 'compound', 'feature.both': 'parallel',
      'feature.done': 'final', 'feature.both.right.hist': 'history', 'feature.idle': 'atomic',
    });
    expect(chart.root.initial).toBe('feature.idle');
    const labels = chart.transitions.map(transitionLabel);
    expect(labels).toEqual(expect.arrayContaining([
      'GO [isOk] / log, bump',
      'GO [above({"k":1})]',
      'STOP / log',
      'after 500ms',
      'after T [and(isOk, !isOk)]',
      'always [isOk] / assign',
      'RESET',
    ]));
    const targetless = chart.transitions.find((t) => transitionLabel(t) === 'STOP / log');
    expect(targetless?.targets).toEqual([]);
    // after-transitions are listed once, with their delay, not also as raw xstate.after events
    expect(labels.filter((l) => l.includes('xstate.after'))).toEqual([]);
  });
});

describe('machine diagrams', () => {
  for (const [name, machine] of [['feature', featureMachine], ['awkward names', awkwardMachine]] as const) {
    it(`${name}: Mermaid round-trips through Mermaid's parser`, async () => {
      expect(await parseMermaid(machineToMermaid(machine))).toBe('stateDiagram');
      await expectMermaidRoundTrip(machine);
    });
    it(`${name}: DOT renders through Graphviz`, async () => {
      const { svg, leaves } = await expectDotRenders(machine);
      expect((svg.match(/class="node"/g) ?? []).length).toBeGreaterThanOrEqual(leaves.length);
    });
  }

  it('draws targetless (internal) transitions inside their state, not as loops', async () => {
    const dot = machineToDot(featureMachine);
    expect(dot).toMatch(/s1 \[label=<<TABLE[^\n]*<B>idle<\/B>[^\n]*<HR\/>[^\n]*>STOP \/ log</);
    expect(dot).not.toMatch(/s1 -> s1 \[/);
    expect(await dotToSvg(dot)).toContain('>STOP / log</text>');
  });

  it('keeps awkward names intact in the SVG text', async () => {
    const svg = await dotToSvg(machineToDot(awkwardMachine));
    expect(svg).toContain('end: «fin»');
    expect(svg).toContain('π → ∞ #1');
    expect(svg).toContain('say &quot;hi&quot;; [now] [ok?&lt;yes&gt;] / a:b{c}</text>');
  });

  it('a broken label escape is caught: raw quotes break Mermaid', async () => {
    // Guards the test itself: the parser really rejects what mermaidText prevents.
    await expect(parseMermaid('stateDiagram-v2\n  state "a "b" c" as s1\n  s1 --> s2 : x')).rejects.toThrow();
  });

  it('every registered machine renders in all formats', async () => {
    expect(machines.length).toBeGreaterThan(0);
    for (const { name, machine } of machines) {
      expect(await parseMermaid(machineToMermaid(machine)), name).toBe('stateDiagram');
      await expectMermaidRoundTrip(machine);
      await expectMermaidRoundTrip(machine, true);
      await expectDotRenders(machine);
    }
  });
});

describe('readable by default', () => {
  const server = findMachine('cluster-server')!.machine;

  it('hides the 23 discard-only transitions of cluster-server unless --all, and says so in the legend', async () => {
    const chart = toStatechart(server);
    expect(chart.transitions.filter(isDiscardOnly)).toHaveLength(23);
    const dot = machineToDot(server);
    expect(dot).not.toContain('/ discard<');
    expect(dot).toContain('23 transitions that only discard or ignore an event not drawn (--all draws them)');
    const all = machineToDot(server, { all: true });
    expect(all.match(/\/ discard</g)).toHaveLength(23);
    expect(all).not.toContain('not drawn');
    const mermaid = machineToMermaid(server);
    expect(mermaid).not.toContain('#47; discard');
    expect(mermaid).toContain('note left of');
    expect(machineToMermaid(server, { all: true }).match(/#47; discard/g)).toHaveLength(23);
    expect(await parseMermaid(mermaid)).toBe('stateDiagram');
  });

  it('a transition that acts is never hidden: recordFollowerInfo stays, discard goes', () => {
    const t = { source: 'a', targets: [], trigger: 'event' as const, event: 'x', actions: ['discard'] };
    expect(isDiscardOnly(t)).toBe(true);
    expect(isDiscardOnly({ ...t, actions: [] })).toBe(true);
    expect(isDiscardOnly({ ...t, actions: ['discard', 'recordFollowerInfo'] })).toBe(false);
    expect(isDiscardOnly({ ...t, targets: ['b'] })).toBe(false);
  });

  it('wraps long guard and action lists: no line of cluster-server is wider than 260 pt', () => {
    const dot = machineToDot(server, { all: true });
    const lines = [...dot.matchAll(/<FONT POINT-SIZE="(\d+)">(?:<B>)?([^<]*)</g)].map((m) => ({ size: Number(m[1]), text: m[2] }));
    expect(lines.length).toBeGreaterThan(60);
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const widest = Math.max(...lines.map((l) => textWidth(unescape(l.text), { size: l.size, bold: l.size === 11 })));
    expect(widest).toBeLessThanOrEqual(260);
    // The longest action list (5 actions) is on more than one line.
    expect(dot).toContain('>/ proposeEpoch, noteProposal, noteEpochs,');
  });

  it('draws a legend in DOT and Mermaid, and none when asked not to', () => {
    expect(machineToDot(server)).toContain('>Legend<');
    expect(machineToDot(server, { legend: false })).not.toContain('Legend');
    expect(machineToMermaid(server, { legend: false })).not.toContain('note left of');
  });
});

describe('generated machines', () => {
  test.prop([generatedMachine], { numRuns: 40 })('Mermaid round-trips and DOT renders', async (machine) => {
    await expectMermaidRoundTrip(machine);
    const svg = await dotToSvg(machineToDot(machine));
    expect(svg).toContain('<svg');
  });

  it('renders run 38 of seed -15855541, whose DOT Graphviz could not route ("Pshortestpath failed")', async () => {
    const machine = fc.sample(generatedMachine, { seed: -15855541, numRuns: 40 })[37];
    expect(allStates(toStatechart(machine).root)).toHaveLength(41);
    for (const all of [false, true]) expect(await dotToSvg(machineToDot(machine, { all }))).toContain('<svg');
  });
});

describe('Graphviz fallback', () => {
  it('still draws the DOT the old renderer wrote for seed -15855541, which Graphviz cannot route with splines', async () => {
    const dot = readFileSync(new URL('./testing/unroutable-seed-15855541.dot', import.meta.url), 'utf8');
    const svg = await dotToSvg(dot);
    expect(svg).toContain('<svg');
    // Every one of its 9 edges is drawn, the one Graphviz used to lose included.
    expect((dot.match(/ -> /g) ?? []).length).toBe(9);
    expect((svg.match(/class="edge"/g) ?? []).length).toBe(9);
    expect(svg).toContain('<title>s0_anchor&#45;&gt;s1_anchor</title>');
  });

  it('reports a DOT syntax error as a DotError, without retrying it', async () => {
    await expect(dotToSvg('digraph { a -> }')).rejects.toThrow(/Graphviz rejected the diagram/);
  });
});
