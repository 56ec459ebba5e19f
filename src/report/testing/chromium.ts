/**
 * Headless Chromium for the browser tests: Debian's package (installed by
 * scripts/chromium/install.sh, with the Liberation fonts the diagrams are measured in),
 * driven by playwright-core, with no network but file: and data: URLs and 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Installs Debian's chromium on a clean machine (a no-op when present), then launches it. */
export async function launchChromium(): Promise<Browser> {
  execFileSync('bash', [join(ROOT, 'scripts/chromium/install.sh')], { stdio: 'inherit', timeout: 900_000 });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page whose requests outside file:, data: and 127.0.0.1 are blocked and recorded in
 * `blocked`; console errors and page errors are collected in `errors`.
 */
export async function offlinePage(browser: Browser, blocked: string[] = [], viewport = { width: 1360, height: 900 }): Promise<{ page: Page; errors: string[]; blocked: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || /^http:\/\/127\.0\.0\.1[:/]/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { page, errors, blocked };
}
