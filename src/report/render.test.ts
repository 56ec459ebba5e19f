import { describe, expect, it } from 'vitest';
import { renderReport } from './render.ts';
import { stepsFromTrace } from './timeline.ts';
import { sequenceToSvg } from './sequence-svg.ts';
import { buildSequence } from '../diagram/sequence.ts';
import { fixtureReport, paxosCounterexample, racyLockGraph } from './testing/fixture-report.ts';
import type { Report } from './types.ts';

const minimal = (over: Partial<Report> = {}): Report => ({ title: 'r', generatedAt: 't', models: [], traces: [], ...over });

describe('renderReport', () => {
  it('is a self-contained page: no external URLs, no scripts', async () => {
    const html = renderReport(await fixtureReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<link /i);
    expect(html).not.toContain('<?xml');
  });

  it('escapes every user-provided string', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = renderReport(minimal({
      title: evil,
      models: [{ name: evil, description: evil, properties: [{ name: evil, verdict: 'fail', note: evil }], figures: { distinctStates: 1, transitions: 0, depth: 0, timeMs: 0 }, diagrams: [], counterexamples: [] }],
      traces: [{ file: evil, protocol: 'paxos', events: 1, verdicts: [{ property: evil, status: 'fail', violations: [{ line: 3, message: evil }], figures: { [evil]: evil } }] }],
    }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says so when there is nothing to show, and rejects a diagram without <svg>', () => {
    const html = renderReport(minimal());
    expect(html).toContain('No models were explored.');
    expect(html).toContain('No traces were verified.');
    const bad = minimal({ models: [{ name: 'm', properties: [], figures: { distinctStates: 0, transitions: 0, depth: 0, timeMs: 0 }, diagrams: [{ title: 'x', svg: 'oops' }], counterexamples: [] }] });
    expect(() => renderReport(bad)).toThrow(/no <svg>/);
  });

  it('counts failing properties in the summary and marks the model in the table of contents', async () => {
    const html = renderReport(await fixtureReport());
    const props = (await fixtureReport()).models.flatMap((m) => m.properties);
    const held = props.filter((p) => p.verdict !== 'fail').length;
    expect(html).toContain(`<b>${held}/${props.length}</b><small>properties hold`);
    expect(html).toMatch(/<a href="#model-racy-lock-example" class="failed">/);
  });
});

describe('expected outcome', () => {
  const failing = minimal({
    models: [{ name: 'mutant', properties: [{ name: 'agreement', verdict: 'fail' }], figures: { distinctStates: 1, transitions: 0, depth: 0, timeMs: 0 }, diagrams: [], counterexamples: [] }],
  });

  it('does not sound the alarm for failures that were expected', () => {
    const html = renderReport({ ...failing, outcome: { checked: 3, unexpected: [] } });
    expect(html).toContain('<div class="tile"><b>3/3</b><small>as expected');
    expect(html).toContain('<div class="tile"><b>0/1</b><small>properties hold (mutants included)');
  });

  it('flags what was not as expected', () => {
    const html = renderReport({ ...failing, outcome: { checked: 3, unexpected: ['mutant survived'] } });
    expect(html).toContain('<div class="tile bad"><b>2/3</b><small>as expected: 1 not');
  });

  it('without an outcome, raw failures are flagged', () => {
    expect(renderReport(failing)).toContain('<div class="tile bad"><b>0/1</b><small>properties hold');
  });
});

describe('counterexample timeline', () => {
  it('one row per step; state snapshots attach to the step that produced them', () => {
    const events = paxosCounterexample();
    const steps = stepsFromTrace(events);
    expect(steps.length).toBe(events.filter((e) => e.kind !== 'state').length);
    const a1accept = steps.find((s) => s.seq === 11)!;
    expect(a1accept).toMatchObject({ actor: 'a1', action: 'receive accept ballot=1 value=v1 ← p1', state: 'maxBal=1, maxVBal=1, maxVal=v1' });
    expect(steps.find((s) => s.action === 'crash')?.tone).toBe('fault');
  });

  it('the racy lock example really reaches the violation by its highlighted path', () => {
    const g = racyLockGraph();
    const path = g.highlight!;
    expect(g.nodes.find((n) => n.id === path.at(-1))?.violation).toBe(true);
    for (let i = 0; i + 1 < path.length; i++) expect(g.edges.some((e) => e.from === path[i] && e.to === path[i + 1])).toBe(true);
    expect(path.length - 1).toBe(4); // both check, then both take the lock
  });

  it('sequence SVG escapes labels and draws one arrow per message', () => {
    const events = paxosCounterexample();
    const seq = buildSequence({ type: 'header', format: 'coordkit-trace', version: 1, producer: { name: 'x' }, protocol: 'paxos', config: { proposers: ['<p>'], acceptors: ['a1'], learners: [], values: ['v'] } }, [
      { seq: 1, node: '<p>', kind: 'send', to: 'a1', msg: { type: 'prepare', ballot: 1 } },
      ...events.slice(0, 0),
    ]);
    const svg = sequenceToSvg(seq);
    expect(svg).not.toContain('<p>');
    expect(svg).toContain('&lt;p&gt;');
    expect((svg.match(/<line [^>]*marker-end/g) ?? []).length).toBe(1);
  });
});

describe('a lasso counterexample in the report', () => {
  it('says where it loops in its title, and its sequence diagram frames the cycle with the way back', async () => {
    const report = await fixtureReport();
    const model = report.models.find((m) => m.counterexamples.length > 0)!;
    const cx = model.counterexamples[0];
    const last = cx.events.at(-1)!.seq;
    cx.header = { ...cx.header, description: `lasso for ${cx.property}: loop after seq ${last - 2}: events seq ${last - 1}..${last} (2 steps) repeat forever` };
    const html = renderReport(report);
    expect(html).toContain(`; a lasso: seq ${last - 1}..${last} repeat forever)</h4>`);
    expect(html.match(/<g class="lasso">/g)).toHaveLength(1);
    expect(html).toContain(`back to loop start (the state after seq ${last - 2})`);
  });
});

describe('links to the explorer', () => {
  it('shows the explore command beside a counterexample that has one, and nothing otherwise', async () => {
    const { exploreCommand } = await import('./explore-link.ts');
    const command = exploreCommand('paxos', { network: 'set', ballots: 2, mutant: 'phase2a-any-value', json: undefined, symmetry: false }, 'agreement');
    expect(command).toBe('coordkit explore paxos --network set --ballots 2 --mutant phase2a-any-value --tour agreement');
    expect(exploreCommand('cluster', { maxTicks: 8, faults: 'crash,restart' }, "it's")).toBe("coordkit explore cluster --max-ticks 8 --faults crash,restart --tour 'it'\\''s'");
    const report = await fixtureReport();
    const model = report.models.find((m) => m.counterexamples.length > 0)!;
    const without = renderReport(report);
    expect(without).not.toContain('class="explore"');
    model.counterexamples[0].explore = command;
    expect(renderReport(report)).toContain(`<p class="explore">Step through it in the explorer: <code>${command}</code></p>`);
  });
});
