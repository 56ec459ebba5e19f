import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { setup, type AnyStateMachine } from 'xstate';
import { machines } from '../../models/index.ts';
import { machineToDot, machineToMermaid } from './machine.ts';
import { toStatechart, transitionLabel, allStates } from './statechart.ts';
import { clip } from './escape.ts';
import { dotToSvg } from './svg.ts';
import { parseMermaid, readStateDiagram } from './testing/mermaid-node.ts';
import { awkwardMachine, featureMachine } from './testing/fixture-machines.ts';

/** Mermaid's reading of our output must give back every state name and edge label. */
async function expectMermaidRoundTrip(machine: AnyStateMachine) {
  const chart = toStatechart(machine);
  const parsed = await readStateDiagram(machineToMermaid(machine));
  const labels = [...parsed.states.values()];
  // The root is drawn (as a state) only when transitions leave or enter it.
  const rootDrawn = chart.transitions.some((t) => t.source === chart.root.id || t.targets.includes(chart.root.id));
  for (const s of allStates(chart.root).filter((x) => x !== chart.root || rootDrawn)) {
    expect(labels).toContain(clip(s.kind === 'history' ? `${s.key} (history)` : s.key));
  }
  const edgeLabels = parsed.edges.map((e) => e.label).filter((l) => l !== '');
  const expected = chart.transitions.flatMap((t) => Array(Math.max(1, t.targets.length)).fill(clip(transitionLabel(t))));
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
    expect(dot).toMatch(/s1 \[label=<<TABLE[^\n]*<B>idle<\/B>[^\n]*STOP \/ log/);
    expect(dot).not.toMatch(/s1 -> s1 \[/);
    expect(await dotToSvg(dot)).toContain('STOP / log');
  });

  it('keeps awkward names intact in the SVG text', async () => {
    const svg = await dotToSvg(machineToDot(awkwardMachine));
    expect(svg).toContain('end: «fin»');
    expect(svg).toContain('π → ∞ #1');
    expect(svg).toContain('say &quot;hi&quot;; [now] [ok?&lt;yes&gt;] / a:b{c}');
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
      await expectDotRenders(machine);
    }
  });
});

// ------------------------------------------------------------------ generated machines

const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('"', '[x]', 'a:b', '#1;', 'a;b', '-->', '<br>', '{}', '%%', 'end', 'state', ' lead', '*x*', '_y_', 'constructor', 'toString'),
).filter((s) => s !== '__proto__'); // would set a prototype in a plain config object
// XState reserves '*' (wildcard), '.' (paths and partial wildcards) and the xstate. prefix.
const eventName = name.filter((s) => !s.includes('*') && !s.includes('.') && !s.startsWith('xstate') && s.trim() !== '');

interface GenState { key: string; children: GenState[]; parallel: boolean }
const stateTree = fc.letrec((tie) => ({
  state: fc.record({
    key: name.filter((s) => !s.includes('.') && !s.startsWith('#')),
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), tie('states')),
    parallel: fc.boolean(),
  }),
  states: fc.uniqueArray(tie('state'), { minLength: 1, maxLength: 4, selector: (s) => (s as GenState).key }),
})).states as fc.Arbitrary<GenState[]>;

const generatedMachine = fc.record({
  tree: stateTree,
  transitions: fc.array(fc.record({
    from: fc.nat(), to: fc.option(fc.nat(), { nil: undefined }), event: eventName,
    guard: fc.option(name, { nil: undefined }), actions: fc.array(name, { maxLength: 2 }),
  }), { maxLength: 8 }),
}).map(({ tree, transitions }) => {
  const ids: string[] = [];
  const build = (states: GenState[]): Record<string, object> => Object.fromEntries(states.map((s) => {
    const id = `st${ids.length}`;
    ids.push(id);
    const config: Record<string, unknown> = { id };
    if (s.children.length > 0) {
      Object.assign(config, s.parallel ? { type: 'parallel' } : { initial: s.children[0].key }, { states: build(s.children) });
    }
    return [s.key, config];
  }));
  const states = build(tree);
  const byState = new Map<string, Record<string, unknown[]>>();
  const guards: Record<string, () => boolean> = {};
  const actions: Record<string, () => void> = {};
  for (const t of transitions) {
    const from = ids[t.from % ids.length];
    const on = byState.get(from) ?? {};
    byState.set(from, on);
    if (t.guard !== undefined) guards[t.guard] = () => true;
    for (const a of t.actions) actions[a] = () => {};
    if (!Object.hasOwn(on, t.event)) on[t.event] = [];
    on[t.event].push({
      ...(t.to !== undefined ? { target: `#${ids[t.to % ids.length]}` } : {}),
      ...(t.guard !== undefined ? { guard: t.guard } : {}),
      actions: t.actions,
    });
  }
  const attach = (config: Record<string, any>) => {
    for (const child of Object.values(config.states ?? {}) as Record<string, any>[]) {
      const on = byState.get(child.id);
      if (on) child.on = on;
      attach(child);
    }
  };
  const root = { id: 'gen', initial: tree[0].key, states };
  attach(root);
  return setup({ guards, actions }).createMachine(root as never) as unknown as AnyStateMachine;
});

describe('generated machines', () => {
  test.prop([generatedMachine], { numRuns: 40 })('Mermaid round-trips and DOT renders', async (machine) => {
    await expectMermaidRoundTrip(machine);
    const svg = await dotToSvg(machineToDot(machine));
    expect(svg).toContain('<svg');
  });
});
