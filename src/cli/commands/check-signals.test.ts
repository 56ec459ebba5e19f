/**
 * Ctrl-C and SIGTERM during `coordkit check`, against the real process: the search must
 * stop within a second or two, print partial statistics, save its checkpoint, and resume
 * from it to exactly the uninterrupted count. The signal times are random but seeded.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Signalled {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the (first) signal to the result on stdout (or the exit); undefined if never signalled. */
  stopMs?: number;
  /** Milliseconds from the (first) signal to the process's exit. */
  exitMs?: number;
}

/**
 * Starts `coordkit ARGS`; once it announces its search on stderr, waits `delayMs` and sends
 * `signals` (1 ms apart). Resolves when the process exits.
 */
function runAndSignal(args: string[], delayMs: number, signals: NodeJS.Signals[]): Promise<Signalled> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/coordkit.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalledAt: number | undefined;
    let printedAt: number | undefined;
    let armed = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      printedAt ??= performance.now();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (armed || !stderr.includes('checking paxos')) return;
      armed = true;
      setTimeout(() => {
        if (child.exitCode !== null) return;
        signalledAt = performance.now();
        signals.forEach((s, i) => setTimeout(() => child.kill(s), i));
      }, delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const now = performance.now();
      const since = (t: number | undefined) => (signalledAt === undefined ? undefined : (t ?? now) - signalledAt);
      // Let the pipes drain before resolving.
      setTimeout(() => resolve({ code, signal, stdout, stderr, stopMs: since(printedAt), exitMs: since(now) }), 50);
    });
  });
}

/** xorshift32: the same delays on every run. */
function seeded(seed: number) {
  let s = seed >>> 0 || 1;
  return (lo: number, hi: number) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return lo + (s % (hi - lo));
  };
}

const statesOf = (stdout: string) => Number(/distinct states\s+([\d,]+)/.exec(stdout)?.[1].replace(/,/g, ''));
const transitionsOf = (stdout: string) => Number(/transitions\s+([\d,]+)/.exec(stdout)?.[1].replace(/,/g, ''));

describe('coordkit check under signals', () => {
  it('Ctrl-C at seeded random moments, then --resume, reaches exactly 185,369 states and 806,571 transitions (ballots {0,1,2})', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-sig-'));
    const ckpt = join(dir, 'paxos.ckpt');
    const delay = seeded(20261201);
    let interrupts = 0;
    let last: Signalled | undefined;
    for (let round = 0; round < 2; round++) {
      const resume = round === 0 ? [] : ['--resume', ckpt];
      last = await runAndSignal(['check', 'paxos', '--ballots', '3', '--checkpoint', ckpt, ...resume], delay(100, 700), ['SIGINT']);
      if (last.code === 0) break;
      expect(last.code, last.stderr).toBe(3);
      interrupts++;
      expect(last.stopMs!).toBeLessThan(2000);
      expect(last.exitMs!).toBeLessThan(5000);
      expect(last.stdout).toMatch(/verdict: INCOMPLETE: stopped by a signal/);
      expect(last.stdout).toContain(`checkpoint       ${ckpt}`);
      expect(statesOf(last.stdout)).toBeLessThan(185369);
    }
    expect(interrupts).toBeGreaterThan(0);
    if (last!.code !== 0) last = await runAndSignal(['check', 'paxos', '--ballots', '3', '--resume', ckpt], 60_000, []);
    expect(last!.code).toBe(0);
    expect(statesOf(last!.stdout)).toBe(185369);
    expect(transitionsOf(last!.stdout)).toBe(806571);
    expect(last!.stdout).toMatch(/verdict: PASS/);
  }, 90_000);

  it('SIGTERM stops a long search (ballots {0,1,2,3}) within 2 s with partial statistics and a checkpoint, exit 3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-sig-'));
    const ckpt = join(dir, 'paxos4.ckpt');
    const r = await runAndSignal(['check', 'paxos', '--ballots', '4', '--checkpoint', ckpt], 800, ['SIGTERM']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stopMs!).toBeLessThan(2000);
    expect(r.stderr).toMatch(/SIGTERM: stopping the search and saving/);
    expect(statesOf(r.stdout)).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/INCOMPLETE/);
    expect(existsSync(ckpt)).toBe(true);
  }, 180_000);

  it('a second Ctrl-C ends it at once (exit 130, or 3 if the first had already finished the stop)', async () => {
    const r = await runAndSignal(['check', 'paxos', '--ballots', '4'], 500, ['SIGINT', 'SIGINT']);
    expect(r.exitMs!).toBeLessThan(5000);
    expect(r.code === 130 || r.code === 3 || r.signal === 'SIGINT', `${r.code} ${r.signal}`).toBe(true);
  }, 180_000);
});
