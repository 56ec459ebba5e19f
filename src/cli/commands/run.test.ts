/**
 * `coordkit run` as a user meets it: output paths refused before any node starts, and a
 * run killed with SIGKILL (no handler of coordkit's runs) leaving no node process, no
 * bound port, and a trace prefix that verify accepts rather than calls malformed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

/** Alive and not a zombie waiting for a reaper (PID 1 of a container may never reap). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** UDP ports bound on this machine (IPv4), from /proc/net/udp. */
function boundUdpPorts(): Set<number> {
  const ports = new Set<number>();
  for (const line of readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1)) {
    const local = line.trim().split(/\s+/)[1];
    if (local) ports.add(parseInt(local.split(':')[1], 16));
  }
  return ports;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('coordkit run', () => {
  it('refuses an output path it cannot write before starting any node (exit 2, one line)', async () => {
    const outs = ['/dev/null', 'no-such-dir/run.jsonl', 'src'];
    const runs = await Promise.all(outs.map((out) => runCli(['run', 'paxos', '--duration', '1', '--out', out])));
    for (const [i, out] of outs.entries()) {
      const r = runs[i];
      expect(r.code, out).toBe(2);
      expect(r.stderr.trim().split('\n'), out).toHaveLength(1);
      expect(r.stderr).toContain('--out');
    }
  }, 180_000);

  it('killed with SIGKILL while a node is paused, leaves no node, no reaper, no bound port, and a trace prefix verify accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-run-kill-'));
    const out = join(dir, 'killed.jsonl');
    const child = spawn(process.execPath, ['bin/coordkit.mjs', 'run', 'paxos', '--duration', '20', '--faults', 'pause', '--seed', '4', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => { log += d; });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      for (let waited = 0; !/pause a\d/.test(log); waited += 100) {
        if (waited > 40_000) throw new Error(`no pause within 40 s:\n${log}`);
        await sleep(100);
      }
      await sleep(300);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const nodes = [...log.matchAll(/node \w+ pid (\d+) port (\d+)/g)].map((m) => ({ pid: Number(m[1]), port: Number(m[2]) }));
    const reaper = Number(/reaper pid (\d+)/.exec(log)?.[1]);
    expect(nodes.length).toBe(6);
    const pausedPid = Number(new RegExp(`node ${/pause (a\d)/.exec(log)![1]} pid (\\d+)`).exec(log)![1]);
    expect(readFileSync(`/proc/${pausedPid}/status`, 'utf8')).toBeDefined();
    let left: number[] = [];
    for (let waited = 0; waited <= 10_000; waited += 200) {
      const ports = boundUdpPorts();
      left = [...nodes.filter((n) => alive(n.pid) || ports.has(n.port)).map((n) => n.pid), ...(alive(reaper) ? [reaper] : [])];
      if (left.length === 0) break;
      await sleep(200);
    }
    expect(left).toEqual([]);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/"protocol":"paxos"/);
    expect(text).toMatch(/"kind":"pause"/);
    const verify = await runCli(['verify', out]);
    expect(verify.code, verify.stdout + verify.stderr).not.toBe(2);
    expect(verify.stdout + verify.stderr).not.toMatch(/malformed|invalid JSON/i);
  }, 90_000);

  it('stopped with SIGTERM, stops its nodes within 3 s, keeps the trace so far, says so, exit 3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-run-term-'));
    const out = join(dir, 'stopped.jsonl');
    const child = spawn(process.execPath, ['bin/coordkit.mjs', 'run', 'cluster', '--duration', '30', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let stdout = '';
    child.stderr.on('data', (d) => { log += d; });
    child.stdout.on('data', (d) => { stdout += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; !/started \d+ node processes/.test(log); waited += 100) {
      if (waited > 40_000) {
        child.kill('SIGKILL');
        throw new Error(`no start within 40 s:\n${log}`);
      }
      await sleep(100);
    }
    await sleep(1000);
    const t = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(performance.now() - t).toBeLessThan(3000);
    expect(code).toBe(3);
    expect(stdout).toMatch(/wrote .*stopped\.jsonl: \d+ events .*\(stopped early\)/);
    const pids = [...log.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
    expect(pids.length).toBeGreaterThanOrEqual(5);
    await sleep(500);
    expect(pids.filter(alive)).toEqual([]);
    const verify = await runCli(['verify', out]);
    expect(verify.code, verify.stdout + verify.stderr).not.toBe(2);
  }, 90_000);
});
