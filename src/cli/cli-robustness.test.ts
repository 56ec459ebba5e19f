/**
 * The CLI under hostile but realistic use (issue 12): traces that check nothing, traces
 * of the wrong protocol, inconsistent headers, several files of mixed quality, input
 * that never ends, deep JSON, closed pipes and full disks. Each case runs the real
 * `coordkit` process, as a user would, and pins the exit code and the one line it prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'coordkit-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAXOS = 'traces/paxos/correct-seed1.pass.jsonl';
const CLUSTER = 'traces/cluster/follower-pause-short.pass.jsonl';
const FAILING = 'traces/paxos/mutant-invent-value-seed6.fail.accept-value+refinement.jsonl';
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');
const write = (name: string, ls: string[]) => { const f = join(dir, name); writeFileSync(f, `${ls.join('\n')}\n`); return f; };
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);

/** A paxos header with a changed config. */
function paxosWithConfig(change: (config: Record<string, unknown>) => void): string[] {
  const [head, ...events] = lines(PAXOS);
  const h = JSON.parse(head);
  change(h.config);
  return [JSON.stringify(h), ...events];
}

/** Runs coordkit with stdin and stdout wired as given; resolves with code, stdout, stderr. */
function spawnCli(
  args: string[],
  opts: { stdin?: number | 'pipe'; stdout?: number | 'pipe'; onStdout?: (chunk: Buffer, kill: () => void) => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/coordkit.mjs', ...args], { stdio: [opts.stdin ?? 'ignore', opts.stdout ?? 'pipe', 'pipe'] });
    // A regression that hangs (a FIFO read, a blocked stdin) must not outlive the test.
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      opts.onStdout?.(c, () => child.stdout?.destroy());
    });
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** The JSON entry of `file` in a run's --json output. */
const entry = (out: string, file: string) => (JSON.parse(out) as { file: string }[]).find((e) => e.file.endsWith(file));

/**
 * One `verify --json` over every single-file case below (a CLI start costs more than all
 * the checking): each file gets its own entry, so each case is asserted on its own.
 */
const cases = (() => {
  const rename = (l: string) => l.replace(/"s1"/g, '"a1"').replace(/"s2"/g, '"a2"').replace(/"s3"/g, '"a3"').replace(/"c1"/g, '"p1"');
  const clusterHeader = JSON.parse(lines(CLUSTER)[0]);
  clusterHeader.config.servers = ['p1', 'p2', 'p3', 'a1', 'a2', 'a3', 'l1', 'l2'];
  clusterHeader.config.clients = [];
  const state = (n: number) => `{"seq":99,"node":"a1","kind":"state","state":{"x":${'['.repeat(n)}${']'.repeat(n)}}}`;
  const shifted = lines(PAXOS).slice(2).map((l) => l.replace(/"seq":(\d+)/, (_, x) => `"seq":${Number(x) + 100}`));
  const files = [
    write('header-only.jsonl', lines(PAXOS).slice(0, 1)),
    write('faults-only.jsonl', [lines(PAXOS)[0], '{"seq":1,"node":"a1","kind":"crash"}', '{"seq":2,"node":"a1","kind":"restart"}']),
    write('paxos-over-cluster.jsonl', [lines(PAXOS)[0], ...lines(CLUSTER).slice(1).map(rename)]),
    write('cluster-over-paxos.jsonl', [JSON.stringify(clusterHeader), ...lines(PAXOS).slice(1)]),
    write('no-quorums.jsonl', paxosWithConfig((c) => { c.quorums = []; })),
    write('bad-quorum.jsonl', paxosWithConfig((c) => { c.quorums = [['a1', 'a2'], ['a2', 'zz']]; })),
    write('pairs.jsonl', paxosWithConfig((c) => { c.quorums = [['a1', 'a2'], ['a1', 'a3'], ['a2', 'a3']]; })),
    write('deep.jsonl', [...lines(PAXOS).slice(0, 2), state(5000)]),
    write('shallow.jsonl', [...lines(PAXOS).slice(0, 2), state(60), ...shifted]),
  ];
  const fd = openSync(PAXOS, 'r');
  const run = spawnCli(['verify', '--no-refinement', '--json', ...files, '-'], { stdin: fd }).finally(() => closeSync(fd));
  return { run, files };
})();

describe('verify never passes a trace that checked nothing', () => {
  it('a header with no events is exit 2 "no events: nothing was checked", not 9 PASS lines', async () => {
    const r = await runCli(['verify', write('header-only-alone.jsonl', lines(PAXOS).slice(0, 1))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/header-only-alone\.jsonl:1: no events: nothing was checked/);
    expect(r.stdout).not.toMatch(/PASS/);
    noStack(r.stderr);
  });

  it('a header followed only by faults (2 crash events) is malformed: no paxos events', async () => {
    expect(entry((await cases.run).stdout, 'faults-only.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 1, message: expect.stringMatching(/^no paxos events: nothing was checked/) } });
  });

  it('a paxos header over cluster events with matching node ids is malformed at line 2, field kind', async () => {
    expect(entry((await cases.run).stdout, 'paxos-over-cluster.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 2, field: 'kind', message: expect.stringMatching(/a 'role' event does not belong to a paxos trace/) } });
  });

  it('a cluster header over paxos events (all 8 paxos ids declared as servers) is malformed at line 2', async () => {
    expect(entry((await cases.run).stdout, 'cluster-over-paxos.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 2, field: 'kind', message: expect.stringMatching(/a 'propose' event does not belong to a cluster trace/) } });
  });

  it('the batch of 10 cases exits 2 with one stderr line per malformed file (7)', async () => {
    const r = await cases.run;
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(7);
    expect(r.stderr).toMatch(/header-only\.jsonl:1: no events/);
    noStack(r.stderr);
  });
});

describe('an inconsistent header is malformed input, not a property failure', () => {
  it('quorums: [] is malformed at line 1, field config.quorums', async () => {
    expect(entry((await cases.run).stdout, 'no-quorums.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 1, field: 'config.quorums', message: expect.stringMatching(/^no quorums/) } });
  });

  it('a quorum naming an undeclared acceptor is malformed at line 1, field config.quorums', async () => {
    expect(entry((await cases.run).stdout, 'bad-quorum.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 1, field: 'config.quorums', message: expect.stringMatching(/quorum 1 names 'zz', which is not a declared acceptor/) } });
  });

  it('explicit quorums of declared acceptors (all 3 pairs) still pass', async () => {
    expect(entry((await cases.run).stdout, 'pairs.jsonl')).toMatchObject({ outcome: 'pass' });
  });
});

describe('several files: a result for each, the exit code the worst', () => {
  it('fail, empty, wrong-protocol, pass: the violation is printed, 2 one-line errors, 4 JUnit suites, exit 2', async () => {
    const empty = write('multi-empty.jsonl', lines(PAXOS).slice(0, 1));
    const junk = write('multi-junk.jsonl', [lines(PAXOS)[0], '{"seq":1,"node":"a1","kind":"pick","request":"r","backend":"b"}']);
    const junit = join(dir, 'multi.xml');
    const r = await runCli(['verify', '--no-refinement', FAILING, empty, junk, PAXOS, '--junit', junit]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/FAIL paxos\.accept-value/);
    expect(r.stdout).toMatch(/line 36: p1 sent accept\(0, "invented"\)/);
    expect(r.stdout).toMatch(/correct-seed1\.pass\.jsonl \(paxos, 103 events\)/);
    expect(r.stdout).toMatch(/4 traces: 1 pass, 1 fail, 0 not checked, 2 malformed/);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/multi-empty\.jsonl:1: no events/),
      expect.stringMatching(/multi-junk\.jsonl:2: kind: a 'pick' event does not belong to a paxos trace/),
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toMatch(/name="paxos\.accept-value"><failure/);
    expect(xml.match(/<error message=/g)).toHaveLength(2);
  });

  it('a failing and a passing trace exit 1; --json holds both with their outcomes', async () => {
    const r = await runCli(['verify', '--no-refinement', '--json', FAILING, PAXOS]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((x: { outcome: string }) => x.outcome)).toEqual(['fail', 'pass']);
  });
});

describe('input that never ends', () => {
  it('a FIFO nobody writes to and /dev/zero by name are refused at once (exit 2), not read', async () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await spawnCli(['verify', fifo, '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      `coordkit: ${fifo}: is a FIFO, not a trace file (to read a pipe or device, give '-' and redirect it to standard input)`,
      "coordkit: /dev/zero: is a device, not a trace file (to read a pipe or device, give '-' and redirect it to standard input)",
      '',
    ].join('\n'));
  }, 180_000);

  it("/dev/zero as standard input ('-') stops at the 16 MiB line bound, naming line 1", async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = await spawnCli(['verify', '-'], { stdin: zero });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('coordkit: <stdin>:1: line longer than 16 MiB: not a trace line (is this a trace file?)\n');
    } finally {
      closeSync(zero);
    }
  }, 180_000);

  it("a trace on standard input ('-') is judged like the file: pass, 103 events", async () => {
    expect(entry((await cases.run).stdout, '<stdin>')).toMatchObject({ outcome: 'pass', events: 103 });
  });
});

describe('deeply nested JSON', () => {
  it('5,000 levels in a state field: verify --json reports line 3, field state, and goes on', async () => {
    expect(entry((await cases.run).stdout, 'deep.jsonl')).toMatchObject({ outcome: 'malformed', error: { line: 3, field: 'state', message: 'nested deeper than 64 levels of JSON arrays and objects' } });
  });

  it('5,000 levels in a state field: diagram --trace is exit 2 naming line 3, field state', async () => {
    const r = await runCli(['diagram', '--trace', cases.files[7]]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.jsonl:3: state: nested deeper than 64 levels/);
    noStack(r.stderr);
  });

  it('60 levels are an ordinary state snapshot: the trace passes', async () => {
    expect(entry((await cases.run).stdout, 'shallow.jsonl')).toMatchObject({ outcome: 'pass', events: 104 });
  });
});

describe('output streams and files', () => {
  it('`verify ... | head -1` (200 reports into a closed pipe) ends quietly: no stderr, exit 1 (a property failed)', async () => {
    const r = await spawnCli(['verify', '--no-refinement', ...Array(200).fill(FAILING)], { onStdout: (_, close) => close() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('`diagram --trace ... | head -1` (20,000 arrows into a closed pipe) ends quietly, exit 0', async () => {
    const [head] = lines(PAXOS);
    const events = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ seq: i + 1, node: 'p1', kind: 'send', to: 'a1', msg: { type: 'prepare', ballot: i } }));
    const f = write('long.jsonl', [head, ...events]);
    const r = await spawnCli(['diagram', '--trace', f, '--max', '100000'], { onStdout: (_, close) => close() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('stdout on a full device (/dev/full) is one line and exit 2', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await spawnCli(['verify', PAXOS, '--no-refinement'], { stdout: full });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('coordkit: cannot write to standard output: ENOSPC (no space left on device)\n');
    } finally {
      closeSync(full);
    }
  });

  it('an unusable --junit or --out is refused before any work: exit 2 while stdin would block forever', async () => {
    // stdin is a pipe that is never written or closed: reading it first would hang.
    const missing = join(dir, 'no-such-dir', 'r.xml');
    const v = await spawnCli(['verify', '-', '--junit', missing], { stdin: 'pipe' });
    expect(v.code).toBe(2);
    expect(v.stderr).toBe(`coordkit: ${missing}: --junit: directory ${join(dir, 'no-such-dir')} does not exist\n`);
    const d = await spawnCli(['diagram', '--trace', '-', '--out', dir], { stdin: 'pipe' });
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`coordkit: ${dir}: --out: is a directory: an output must be a regular file\n`);
  }, 30_000);

  // A full file system needs a tiny tmpfs, which only root can mount. It is mounted by
  // the test itself (not at collection), so a filtered run never leaves one behind.
  const mnt = join(dir, 'full');
  it.skipIf(process.getuid?.() !== 0)('--junit and --out on a full disk: one line, exit 2, the result printed instead, no temp file left', async (ctx) => {
    mkdirSync(mnt, { recursive: true });
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status !== 0) ctx.skip();
    try {
      await fullDisk();
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  async function fullDisk(): Promise<void> {
    const fill = spawnSync('sh', ['-c', `cat /dev/zero > ${join(mnt, 'filler')}`]);
    expect(fill.status).not.toBe(0); // the file system is now full
    const junit = join(mnt, 'r.xml');
    const v = await runCli(['verify', '--no-refinement', FAILING, '--junit', junit]);
    expect(v.code).toBe(2);
    expect(v.stderr).toBe(`coordkit: ${junit}: cannot write: ENOSPC (no space left on device); the result was printed to standard output instead\n`);
    expect(v.stdout).toMatch(/FAIL paxos\.accept-value[\s\S]*<testsuites name="coordkit verify">/);
    expect(existsSync(junit)).toBe(false);
    const out = join(mnt, 'd.mmd');
    const d = await runCli(['diagram', 'paxos-acceptor', '--out', out]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/d\.mmd: cannot write: ENOSPC/);
    expect(d.stdout).toMatch(/^stateDiagram-v2/);
    expect(spawnSync('ls', ['-A', mnt]).stdout.toString().trim().split('\n').sort()).toEqual(['filler']);
  }
});

describe("commander's own errors and an empty file name are one line too (no help page after them), exit 2", () => {
  it.concurrent.each([
    [['check', 'paxos', '--ballots'], "coordkit: option '--ballots <n>' argument missing\n"],
    [['verify', '--bogus', 'x'], "coordkit: unknown option '--bogus'\n"],
    [['check', 'paxos', 'stray'], "coordkit: too many arguments for 'paxos'. Expected 0 arguments but got 1.\n"],
    [['verify', ''], "coordkit: '': cannot open: ENOENT\n"],
  ])('%j', async (args, stderr) => {
    const r = await runCli(args as string[]);
    expect([r.code, r.stderr]).toEqual([2, stderr]);
  }, 60_000);
});

describe('a bad option value is one line naming the option, the value and what is expected (exit 2)', () => {
  const out = join(dir, 'never-written.jsonl');
  // One representative value per command, most of them accepted silently before the
  // options were validated by src/cli/options.ts (a fraction floored, NaN, an empty count).
  it.concurrent.each([
    [['check', 'paxos', '--ballots', '2.5'], "--ballots: expected a whole number from 1 to 8, got '2.5'"],
    [['check', 'paxos', '--workers', '-1'], "--workers: expected a whole number from 0 to 16, got '-1'"],
    [['check', 'paxos', '--workers', '2', '--dfs', '--symmetry'], '--workers: parallel search is breadth-first without symmetry reduction: drop --dfs and --symmetry, or --workers'],
    [['check', 'cluster', '--faults', 'loss:'], "--faults: fault count for 'loss' must be a whole number 0..15, got ''"],
    [['explore', 'paxos', '--port', '70000'], "--port: expected a whole number from 0 to 65535, got '70000'"],
    [['verify', PAXOS, '--junit', ''], "--junit: expected a file name, got ''"],
    [['diagram', '--trace', PAXOS, '--max', '0'], "--max: expected a whole number from 1 to 100000, got '0'"],
    [['drive', 'paxos', '--seed', 'abc'], "--seed: expected a seed: a whole number from 0 to 4294967295, got 'abc'"],
    [['drive', 'paxos', '--paths', 'all'], "--paths: expected one of coverage, random, fastcheck, got 'all'"],
    [['run', 'paxos', '--duration', '0', '--out', out], "--duration: expected a whole number from 1 to 3600, got '0'"],
    [['thirdparty', '--no-readme', '--budget', '2.5'], '--budget: bad budget "2.5": a scenario count (300) or seconds (20s), each at most once'],
    [['thirdparty', '--no-readme', '--shrink', 'soon'], "--shrink: expected a positive number of seconds, got 'soon'"],
    [['itf', 'export', PAXOS, '--as', 'state'], "--as: expected one of events, paxos-state, got 'state'"],
    [['record', 'zookeeper', '--out', out, '--sync-limit', '0'], "--sync-limit: expected a whole number from 1 to 100, got '0'"],
    [['schema', '--out', ''], "--out: expected a file name, got ''"],
    [['all', '--out', ''], "--out: expected a file name, got ''"],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`coordkit: ${message}\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('good option values still work', () => {
  it('diagram --max 5 draws 5 items of a 103-event trace and says 98 are not shown', async () => {
    const r = await runCli(['diagram', '--trace', PAXOS, '--max', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/98 more events not shown/);
  }, 60_000);

  it('drive takes the largest seed (2^32 - 1) and a --budget of 2 random walks', async () => {
    const r = await runCli(['drive', 'paxos', '--paths', 'random', '--budget', '2', '--seed', '4294967295', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'random', paths: 2 });
  }, 60_000);

  it('thirdparty --replay takes a fractional --timeout (2500.5 ms) and replays the saved failure (exit 1)', async () => {
    const r = await runCli(['thirdparty', '--no-python', '--timeout', '2500.5', '--replay', 'traces/third-party/found/article.least-connections--lc-tie-fairness.scenario.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/❌ lc-tie-fairness/);
  }, 60_000);
});
