/** `coordkit explore` as a process: the URL it prints, the page it serves, how it stops, a bad --tour. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../report/testing/chromium.ts';

const BIN = join(ROOT, 'bin/coordkit.mjs');

/** Starts the CLI, resolves with the first line that names the URL (and the process). */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += String(d); });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => out + err };
}

describe('coordkit explore', () => {
  it('serves on 127.0.0.1 at a free port, opens the 8-step agreement tour, and stops on SIGTERM', async () => {
    const run = startCli(['explore', 'paxos', '--ballots', '2', '--mutant', 'phase2a-any-value', '--tour', 'agreement']);
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#path=&tour=agreement$/);
    const base = url.replace(/#.*$/, '');
    const info = await (await fetch(`${base}api/system`)).json() as { name: string; properties: { name: string; tour?: number[] }[] };
    expect(info.name).toBe('paxos-tla(acceptors=3, values=2, ballots=2)');
    expect(info.properties.find((p) => p.name === 'agreement')?.tour).toHaveLength(8);
    const page = await (await fetch(base)).text();
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i); // self-contained
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(base)).rejects.toThrow(); // nothing listens any more
  }, 180_000);

  it('rejects a --tour without a counterexample in one line, exit 2', async () => {
    const run = startCli(['explore', 'paxos', '--ballots', '1', '--tour', 'agreement']);
    run.url.catch(() => {});
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/no counterexample or witness for 'agreement' \(with one: some-value-chosen\)/);
    expect(run.output()).not.toMatch(/\n\s+at /);
  }, 180_000);
});
