/** Must-show: a hang and a throw become verdicts and the run goes on (fake libraries in child processes). */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childTarget } from '../libraries/index.ts';
import { StdioHost } from './host.ts';
import { runTargets } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'coordkit-harness-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FAKES = new URL('./fake-libraries.ts', import.meta.url).href;

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

describe('the harness isolates libraries', () => {
  it('a hang and a throw each become a verdict, the correct library after them passes, and no child process is left', async () => {
    const { adapters } = await import('./fake-libraries.ts');
    const hosts: StdioHost[] = [];
    const targets = adapters.map((a) => {
      const t = childTarget(a, FAKES, { timeoutMs: 400 });
      return { ...t, host: () => { const h = t.host() as StdioHost; hosts.push(h); return h; } };
    });
    const records = await runTargets(targets, { budget: { scenarios: 15, shrinkSeconds: 1 }, seed: 7, foundDir: join(tmp, 'found') });
    const verdict = (id: string, p: string) => records.find((r) => r.id === id)!.verdicts.find((v) => v.property === p)!;
    expect(records.map((r) => r.id)).toEqual(['fake.hangs', 'fake.throws', 'fake.correct']);
    expect(verdict('fake.hangs', 'call-returns').status).toBe('fail');
    expect(verdict('fake.hangs', 'call-returns').minimal!.message).toMatch(/^pick r\d+ .*did not return/);
    expect(verdict('fake.throws', 'no-crash').status).toBe('fail');
    expect(verdict('fake.throws', 'no-crash').minimal!.message).toMatch(/membership change \(remove b\d+\) threw: TypeError/);
    expect(verdict('fake.throws', 'call-returns').status).toBe('pass');
    for (const v of records.find((r) => r.id === 'fake.correct')!.verdicts) expect(v.status, v.property).not.toBe('fail');
    // Every verdict was written: the minimal traces and scenarios of both failures.
    const found = readdirSync(join(tmp, 'found'));
    expect(found).toContain('fake.hangs--call-returns.scenario.json');
    expect(found).toContain('fake.throws--no-crash.scenario.json');
    expect(found.some((f) => f.startsWith('fake.hangs--call-returns.') && f.endsWith('.jsonl'))).toBe(true);
    const pids = hosts.flatMap((h) => h.started);
    expect(pids.length).toBeGreaterThan(1);
    // A killed child is gone once Node has reaped it: give that a moment.
    for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
    expect(existsSync(join(tmp, 'found'))).toBe(true);
  }, 120_000);
});
