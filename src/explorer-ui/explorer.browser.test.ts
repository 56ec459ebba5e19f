/**
 * The explorer driven by clicks in headless Chromium: Paxos.tla with ballots {0,1} and the
 * phase2a-any-value mutant. Follows the agreement counterexample step by step (8 steps),
 * checking at each one what the page shows against the Stepper's own descriptions, then
 * goes back two steps, takes another branch, and reopens the state from its URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkModels } from '../cli/check/models.ts';
import { ComposedSystem } from '../explore/compose.ts';
import { Stepper } from '../explore/stepper.ts';
import { launchChromium, offlinePage } from '../report/testing/chromium.ts';
import { startExplorer, type Explorer } from './server.ts';

const paxosOptions = {
  network: 'set', acceptors: 3, values: 2, ballots: 2, proposers: 2, learners: 1, rounds: 1, loss: 0, dup: 0, crashes: 0,
  mutant: 'phase2a-any-value',
};
const buildSpec = () => checkModels.find((m) => m.name === 'paxos')!.build(paxosOptions);

let browser: Browser;
let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer(buildSpec(), { command: 'coordkit explore paxos --ballots 2 --mutant phase2a-any-value' });
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

const depth = (page: Page, n: number) => page.waitForSelector(`body[data-depth="${n}"]`);
const lastTaken = (page: Page) => page.locator('#history li').last().textContent();

describe('coordkit explore in headless Chromium', () => {
  it('follows the agreement counterexample in 8 clicks, goes back 2 steps and takes another branch', async () => {
    const tour = explorer.info.properties.find((p) => p.name === 'agreement')!.tour!;
    expect(tour).toHaveLength(8);
    // What each step must show, from the Stepper itself (a separate system instance).
    const stepper = new Stepper(new ComposedSystem(buildSpec()));
    const states = stepper.follow(tour)!;
    const expected = tour.map((index, k) => stepper.enabled(states[k])[index]);

    const { page, errors, blocked } = await offlinePage(browser);
    await page.goto(explorer.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.actor').count()).toBe(explorer.info.actors.length);
    expect(await page.locator('#steps .step').count()).toBe(stepper.enabled(states[0]).length);

    await page.click('button[data-tour="agreement"]');
    for (let k = 0; k < 8; k++) {
      await depth(page, k);
      expect(await page.locator('.step.tour-next').count(), `step ${k + 1}`).toBe(1);
      expect(await page.locator('#tour').textContent()).toContain(`step ${k + 1} of 8`);
      expect(await page.locator('.violation').count(), `no violation before step 8 (at ${k})`).toBe(0);
      const marked = await page.locator('.step.tour-next').textContent();
      expect(marked).toContain(expected[k].action);
      await page.click('.step.tour-next');
      await depth(page, k + 1);
      expect(await lastTaken(page)).toBe(`${expected[k].action} → ${expected[k].after}`);
      expect(new URL(page.url()).hash).toBe(`#path=${tour.slice(0, k + 1).join('.')}&tour=agreement`);
      // Every actor's statechart has its active state highlighted.
      for (const card of await page.locator('.actor').all()) expect(await card.getAttribute('data-active')).not.toBe('');
    }
    expect(await page.locator('#history li').count()).toBe(9);
    expect(await page.locator('.violation[data-property="agreement"]').textContent()).toMatch(/^agreement violated: /);
    expect(await page.locator('#tour').textContent()).toContain('end: 8 steps');
    expect(await page.locator('#messages tbody tr').count()).toBeGreaterThan(0);
    // The active state is drawn highlighted: a1 is in 'serving'.
    const fill = await page.locator('.actor[data-actor="a1"] g.node.active path').first().evaluate((e) => getComputedStyle(e).fill);
    expect(fill).toBe('rgb(255, 233, 168)');

    await page.click('#back');
    await depth(page, 7);
    await page.click('#back');
    await depth(page, 6);
    expect(await page.locator('.violation').count()).toBe(0);
    expect(await page.locator('.step.tour-next').count()).toBe(1);
    const other = page.locator('.step:not(.tour-next)').first();
    const otherIndex = Number(await other.getAttribute('data-index'));
    const otherText = await other.textContent();
    await other.click();
    await depth(page, 7);
    expect(await lastTaken(page)).toBe(otherText);
    expect(await page.locator('#tour').textContent()).toContain('left the path');
    const branch = [...tour.slice(0, 6), otherIndex];
    expect(new URL(page.url()).hash).toBe(`#path=${branch.join('.')}&tour=agreement`);

    // The URL is the state: a fresh page opened on it shows the same path.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await shared.waitForSelector('body[data-depth="7"]');
    expect(await shared.locator('#history li').allTextContents()).toEqual(await page.locator('#history li').allTextContents());
    await shared.close();

    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  }, 60_000);

  it('answers a path that leaves the enabled steps with 404, and a malformed one with 400', async () => {
    expect((await fetch(`${explorer.url}api/state?path=999`)).status).toBe(404);
    expect((await fetch(`${explorer.url}api/state?path=1.x`)).status).toBe(400);
    expect((await fetch(`${explorer.url}api/state?path=`)).status).toBe(200);
  });
});
