/**
 * The report in a real headless Chromium (Debian's package, driven by playwright-core),
 * with every network request blocked: the page must render its diagrams offline.
 * Also renders our Mermaid output with Mermaid itself in the browser, so labels are
 * checked as drawn, not only as parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { machines } from '../families.ts';
import { machineToMermaid } from '../diagram/machine.ts';
import { stateGraphToMermaid } from '../diagram/state-graph.ts';
import { traceToMermaid } from '../diagram/sequence.ts';
import { awkwardMachine, featureMachine } from '../diagram/testing/fixture-machines.ts';
import { renderReport } from './render.ts';
import { stepsFromTrace } from './timeline.ts';
import { fixtureReport, paxosCounterexample, racyLockGraph } from './testing/fixture-report.ts';
import type { Report } from './types.ts';
import { ROOT as root, launchChromium, offlinePage as openOfflinePage } from './testing/chromium.ts';

const outDir = join(root, 'out');

let browser: Browser;
let report: Report;
const blocked: string[] = [];

async function offlinePage(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openOfflinePage(browser, blocked);
  return { page, errors };
}

beforeAll(async () => {
  browser = await launchChromium();
  report = await fixtureReport();
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in headless Chromium', () => {
  it('renders every diagram offline, with no console errors, and screenshots well', async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'report-fixture.html');
    writeFileSync(file, renderReport(report));
    const { page, errors } = await offlinePage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const diagrams = report.models.reduce((n, m) => n + m.diagrams.length, 0);
    const counterexamples = report.models.reduce((n, m) => n + m.counterexamples.length, 0);
    expect(await page.locator('figure.diagram > svg').count()).toBe(diagrams);
    expect(await page.locator('.cex .seq > svg').count()).toBe(counterexamples);
    for (const svg of await page.locator('figure.diagram > svg, .cex .seq > svg').all()) {
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(50);
      expect(box?.height).toBeGreaterThan(30);
      // drawn content, not an empty frame
      expect(await svg.locator('text').count()).toBeGreaterThan(1);
    }
    // The counterexample timeline has one row per step, and the decide steps are there.
    const cex = report.models.flatMap((m) => m.counterexamples)[0];
    expect(await page.locator('.cex table.timeline tbody tr').first().isVisible()).toBe(true);
    expect(await page.locator('.cex').first().locator('table.timeline tbody tr').count()).toBe(stepsFromTrace(cex.events).length);
    expect(await page.locator('.cex').first().textContent()).toContain('decide v2');
    expect(await page.locator('.pill.fail').count()).toBeGreaterThan(0);

    const png = join(outDir, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(1360);
    expect(height).toBeGreaterThan(1500);
    expect(bytes.length).toBeGreaterThan(50_000); // a blank page of this size compresses to a few KB

    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('Mermaid itself renders our Mermaid output in the browser, with labels as written', async () => {
    const { page, errors } = await offlinePage();
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8') });
    await page.evaluate(() => (window as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));

    const graph = racyLockGraph();
    const header = report.models.flatMap((m) => m.counterexamples)[0].header;
    const cases: { name: string; text: string; expect: string[] }[] = [
      { name: 'feature machine', text: machineToMermaid(featureMachine), expect: ['GO [isOk] / log, bump', 'after T [and(isOk, !isOk)]', 'hist (history)'] },
      { name: 'awkward machine', text: machineToMermaid(awkwardMachine), expect: ['end: «fin»', 'π → ∞ #1', 'say "hi"; [now] [ok?<yes>] / a:b{c}'] },
      { name: 'state graph', text: stateGraphToMermaid(graph), expect: ['p0=critical p1=critical lock=1', '1. p0 sees lock free'] },
      { name: 'sequence', text: traceToMermaid(header, paxosCounterexample()), expect: ['p1', 'a3', '26. decide v2', '14. crash'] },
      ...machines.map((m) => ({ name: m.name, text: machineToMermaid(m.machine), expect: [] as string[] })),
    ];
    for (const [i, c] of cases.entries()) {
      const result = await page.evaluate(async ({ id, text }) => {
        try {
          const { svg } = await (window as any).mermaid.render(id, text);
          const host = document.getElementById('out')!;
          host.innerHTML = svg;
          const el = host.querySelector('svg')!;
          const box = el.getBoundingClientRect();
          return { ok: true, text: host.textContent ?? '', width: box.width, height: box.height };
        } catch (e) {
          return { ok: false, text: String(e), width: 0, height: 0 };
        }
      }, { id: `d${i}`, text: c.text });
      expect(result.ok, `${c.name}: ${result.text}`).toBe(true);
      expect(result.width, c.name).toBeGreaterThan(20);
      expect(result.height, c.name).toBeGreaterThan(20);
      const drawn = result.text.replace(/\s+/g, ' ');
      for (const label of c.expect) expect(drawn, c.name).toContain(label);
    }
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
