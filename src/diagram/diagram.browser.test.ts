/**
 * Statechart SVGs measured where people look at them: in headless Chromium (Debian's
 * package, with the fonts scripts/chromium/install.sh installs). For every bundled
 * machine (as drawn by default and with --all) and 200 generated machines, the page
 * measures each drawn text with getBBox and checks it against the box it belongs to and
 * against every other text: no label may overflow its state's box (or its cluster's, or
 * the legend's), and no edge label may overlap another label or a state box. The
 * measurement itself is checked on drawings built to fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import type { AnyStateMachine } from 'xstate';
import type { Browser, Page } from 'playwright-core';
import { machines } from '../../models/index.ts';
import { launchChromium, offlinePage } from '../report/testing/chromium.ts';
import { machineToDot } from './machine.ts';
import { dotToInlineSvg } from './svg.ts';
import { generatedMachine } from './testing/generated-machines.ts';
import { stateGraphToDot } from './state-graph.ts';
import { racyLockGraph } from '../report/testing/fixture-report.ts';

interface Measured {
  /** Texts checked against a box. */
  labels: number;
  /** Edge-label texts checked against every other text and every state box. */
  edgeLabels: number;
  overflows: string[];
  overlaps: string[];
}

/**
 * Runs in the page: measures every SVG under #out. A node's or cluster's box is its
 * largest shape (the rounded outline, not the rule under a state's name); its texts
 * must lie inside it (a node drawn as bare text, such as a composite's name, has none). An edge's texts must not intersect texts of other nodes, clusters
 * or edges, nor the box of any state (texts of one label may touch each other).
 */
function measureInPage(): Measured {
  type Box = { x0: number; y0: number; x1: number; y1: number };
  const TOLERANCE = 0.5;
  const boxOf = (b: DOMRect): Box => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
  const inside = (a: Box, b: Box) => a.x0 >= b.x0 - TOLERANCE && a.y0 >= b.y0 - TOLERANCE && a.x1 <= b.x1 + TOLERANCE && a.y1 <= b.y1 + TOLERANCE;
  const intersect = (a: Box, b: Box) => a.x0 < b.x1 - TOLERANCE && b.x0 < a.x1 - TOLERANCE && a.y0 < b.y1 - TOLERANCE && b.y0 < a.y1 - TOLERANCE;
  const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);
  const out: Measured = { labels: 0, edgeLabels: 0, overflows: [], overlaps: [] };
  document.querySelectorAll('#out > div').forEach((host) => {
    const name = host.getAttribute('data-name') ?? '?';
    const texts: { owner: Element; box: Box; text: string; edge: boolean }[] = [];
    const stateBoxes: { owner: Element; box: Box }[] = [];
    for (const g of host.querySelectorAll('g.node, g.cluster, g.edge')) {
      // A transition's label is drawn as a node of class transition on its edge.
      const isEdge = g.classList.contains('edge') || g.classList.contains('transition');
      const shapes = [...g.querySelectorAll('path, polygon, ellipse')]
        .map((s) => boxOf((s as SVGGraphicsElement).getBBox()))
        .filter((b) => b.x1 - b.x0 > 1 && b.y1 - b.y0 > 1); // rules are lines, not boxes
      const outline = isEdge ? undefined : shapes.sort((a, b) => area(b) - area(a))[0];
      if (outline && g.classList.contains('node') && area(outline) > 4) stateBoxes.push({ owner: g, box: outline });
      for (const t of g.querySelectorAll('text')) {
        const text = t.textContent ?? '';
        if (text.trim() === '') continue;
        const box = boxOf((t as SVGGraphicsElement).getBBox());
        texts.push({ owner: g, box, text, edge: isEdge });
        if (isEdge || !outline) continue;
        out.labels++;
        if (!inside(box, outline)) {
          out.overflows.push(`${name}: "${text}" [${box.x0.toFixed(1)}..${box.x1.toFixed(1)}] outside [${outline.x0.toFixed(1)}..${outline.x1.toFixed(1)}]`);
        }
      }
    }
    for (const e of texts.filter((t) => t.edge)) {
      out.edgeLabels++;
      for (const other of texts) {
        if (other.owner === e.owner || !intersect(e.box, other.box)) continue;
        // Each pair of edge labels is reported once.
        if (other.edge && other.owner.compareDocumentPosition(e.owner) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
        out.overlaps.push(`${name}: edge label "${e.text}" overlaps "${other.text}"`);
      }
      for (const s of stateBoxes) {
        if (intersect(e.box, s.box)) out.overlaps.push(`${name}: edge label "${e.text}" overlaps a state box`);
      }
    }
  });
  return out;
}

async function measure(page: Page, svgs: { name: string; svg: string }[]): Promise<Measured> {
  await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
  await page.evaluate((items) => {
    const host = document.getElementById('out')!;
    for (const { name, svg } of items) {
      const div = document.createElement('div');
      div.setAttribute('data-name', name);
      div.innerHTML = svg;
      host.appendChild(div);
    }
  }, svgs);
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(measureInPage);
}

const svgOf = async (name: string, machine: AnyStateMachine, all = false) => ({ name: all ? `${name} --all` : name, svg: await dotToInlineSvg(machineToDot(machine, { all })) });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

describe('statechart SVGs measured in headless Chromium', () => {
  it('catches an overflowing label and an overlapping edge label (the measurement can fail)', async () => {
    const { page } = await offlinePage(browser);
    // What the renderer used to emit: a font list Graphviz sizes with Times metrics.
    const overflowing = await dotToInlineSvg('digraph g { node [shape=box, fontname="Helvetica,Arial,sans-serif", margin=0]; a [label=<<B>promiseAboveHighestBallotSeen</B>>] }');
    // Two edges whose labels are drawn at the same spot.
    const overlapping = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><g class="edge"><text x="10" y="20" font-size="12">first label</text></g><g class="edge"><text x="14" y="22" font-size="12">second label</text></g></svg>`;
    const m = await measure(page, [{ name: 'old font', svg: overflowing }, { name: 'overlap', svg: overlapping }]);
    expect(m.overflows).toHaveLength(1);
    expect(m.overlaps).toEqual(['overlap: edge label "first label" overlaps "second label"']);
    await page.close();
  }, 60_000);

  it('every bundled machine (12, default and --all): 0 labels overflow, 0 edge-label overlaps', async () => {
    expect(machines.length).toBe(12);
    const svgs = [];
    for (const { name, machine } of machines) svgs.push(await svgOf(name, machine), await svgOf(name, machine, true));
    const { page, errors, blocked } = await offlinePage(browser);
    const m = await measure(page, svgs);
    console.log(`bundled machines: ${m.labels} labels in boxes, ${m.edgeLabels} edge-label lines`);
    expect(m.labels).toBeGreaterThan(100);
    expect(m.edgeLabels).toBeGreaterThan(20);
    expect(m.overflows).toEqual([]);
    expect(m.overlaps).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  }, 60_000);

  it('200 generated machines (seed 20261201): 0 labels overflow, 0 edge-label overlaps', async () => {
    const generated = fc.sample(generatedMachine, { seed: 20261201, numRuns: 200 });
    const svgs = [];
    for (const [i, machine] of generated.entries()) svgs.push(await svgOf(`generated #${i}`, machine, true));
    const { page } = await offlinePage(browser);
    const m = await measure(page, svgs);
    console.log(`generated machines: ${m.labels} labels in boxes, ${m.edgeLabels} edge-label lines`);
    expect(m.labels).toBeGreaterThan(900);
    expect(m.overflows).toEqual([]);
    expect(m.overlaps).toEqual([]);
    await page.close();
  }, 60_000);

  it('an explored state graph (racy lock, 8 states): 0 labels overflow, 0 edge-label overlaps', async () => {
    const { page } = await offlinePage(browser);
    const m = await measure(page, [{ name: 'racy lock', svg: await dotToInlineSvg(stateGraphToDot(racyLockGraph())) }]);
    expect(m.labels).toBe(racyLockGraph().nodes.length);
    expect(m.overflows).toEqual([]);
    expect(m.overlaps).toEqual([]);
    await page.close();
  }, 60_000);
});
