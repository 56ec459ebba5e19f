/**
 * `coordkit drive` as a user runs it: no false greens (a process that claims no role of
 * the protocol, or took no step, is refused with exit 2), restarts on by default in
 * random walks, --trace-out writes the implementation's run (which verify fails), a saved
 * path replays, and a process that hangs is timed out and killed with its helpers.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../testing/run-cli.ts';

const ACCEPTOR = 'python3 conformance/adapters/stdio/paxos_acceptor.py';
/** A one-role process that answers hello with `roles` and refuses nothing else. */
const claiming = (roles: string) =>
  `sh -c 'read line; echo "{\\"ok\\":true,\\"id\\":1,\\"name\\":\\"x\\",\\"roles\\":${roles.replace(/"/g, '\\"')}}"; while read line; do :; done'`;

describe('coordkit drive: no false greens', () => {
  it('exits 2 when the process claims only a misspelled role (acceptr)', async () => {
    const r = await run(['drive', 'paxos', '--stdio', claiming('["acceptr"]'), '--paths', 'random', '--budget', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none of which exist in paxos \(roles: proposer, acceptor, learner\)/);
  }, 30_000);

  it('exits 2 when a Paxos acceptor is driven as a cluster server', async () => {
    const r = await run(['drive', 'cluster', '--stdio', ACCEPTOR, '--paths', 'random', '--budget', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\["acceptor"\], none of which exist in cluster/);
  }, 30_000);

  it('exits 2 when the implementation under test took no step (an empty replayed path), and prints the count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-drive-'));
    const empty = join(dir, 'empty.json');
    await writeFile(empty, JSON.stringify({ format: 'coordkit-drive-path', protocol: 'paxos', size: 'default', restarts: 0, steps: [] }));
    const r = await run(['drive', 'paxos', '--stdio', ACCEPTOR, '--replay', empty]);
    expect(r.stdout).toMatch(/steps taken by the implementation under test: 0/);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no step ran in the implementation under test/);
  }, 30_000);

  it('an acceptor that forgets its promise on restart fails random walks (restarts on by default) by promise-monotonic', async () => {
    const r = await run(['drive', 'paxos', '--stdio', `${ACCEPTOR} --bug forget-on-restart`, '--paths', 'random', '--budget', '300']);
    expect(r.stdout).toMatch(/restarts per path 1/);
    expect(r.stdout).toMatch(/SAFETY paxos\.promise-monotonic/);
    expect(r.code).toBe(1);
  }, 120_000);
});

describe('coordkit drive: what a divergence leaves behind', () => {
  it("--trace-out writes the implementation's run, which verify fails; --path-out replays to the same divergence", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-drive-'));
    const trace = join(dir, 'impl.jsonl');
    const path = join(dir, 'path.json');
    const r = await run(['drive', 'paxos', '--impl', 'acceptor-accepts-below-promise', '--paths', 'random', '--trace-out', trace, '--path-out', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/verdict: FAIL \(safety 1, conformance 0, liveness 0, adapter errors 0\)/);
    const v = await run(['verify', trace]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/FAIL paxos\.accept-respects-promise/);
    const again = await run(['drive', 'paxos', '--impl', 'acceptor-accepts-below-promise', '--replay', path]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/SAFETY paxos\.accept-respects-promise/);
    const steps = JSON.parse(await readFile(path, 'utf8')).steps.length;
    expect(again.stdout).toMatch(new RegExp(`at step ${steps} of ${steps}`));
  }, 180_000);
});

describe('coordkit drive: hangs and orphans', () => {
  it('a process that answers hello and then hangs: the timeout is printed, drive exits 1, and its helper is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-drive-'));
    const pidFile = join(dir, 'helper.pid');
    const hang = `sh -c 'sleep 300 & echo $! > ${pidFile}; read line; echo "{\\"ok\\":true,\\"id\\":1,\\"name\\":\\"hang\\",\\"roles\\":[\\"acceptor\\"]}"; sleep 300'`;
    const started = Date.now();
    const r = await run(['drive', 'paxos', '--stdio', hang, '--paths', 'random', '--budget', '3', '--timeout', '500']);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/did not answer reset \(id 2\) within 500 ms/);
    const helper = Number(readFileSync(pidFile, 'utf8'));
    let state = '';
    try { state = readFileSync(`/proc/${helper}/stat`, 'utf8'); } catch { /* gone */ }
    expect(state === '' || /^\d+ \(.*\) Z/.test(state)).toBe(true);
  }, 30_000);
});
