/**
 * `coordkit verify TRACE --system FILE`: a user system's counterexample, written by
 * `coordkit check FILE`, verified by replaying it on the same module.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'coordkit-verify-system-'));
const TPC = './examples/two-phase-commit/system.ts';
const LEASE = './examples/lease-lock/system.ts';
const tpcTrace = join(dir, 'two-phase-commit-all-decide.jsonl');
const leaseTrace = join(dir, 'lease-lock-mutual-exclusion.jsonl');

beforeAll(async () => {
  const [tpc, lease] = await Promise.all([
    runCli(['check', TPC, '--trace-dir', dir]),
    runCli(['check', LEASE, '--trace-dir', dir]),
  ]);
  expect(tpc.code, tpc.stderr).toBe(1);
  expect(lease.code, lease.stderr).toBe(1);
}, 120_000);

const write = (name: string, lines: string[]) => { const p = join(dir, name); writeFileSync(p, `${lines.join('\n')}\n`); return p; };
const linesOf = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('coordkit verify --system', () => {
  it('names the module in the header, and verifies the counterexamples as FAIL with the property check found violated (exit 1)', async () => {
    expect(JSON.parse(linesOf(tpcTrace)[0])).toMatchObject({ protocol: 'custom', config: { module: TPC, system: 'two-phase-commit(participants=2, crashes=1)' }, loop: { afterSeq: 10 } });
    const [tpc, lease] = await Promise.all([
      runCli(['verify', tpcTrace, '--system', TPC]),
      runCli(['verify', leaseTrace, '--system', LEASE, '--json']),
    ]);
    expect(tpc.code, tpc.stderr).toBe(1);
    expect(tpc.stdout).toMatch(/PASS refinement \(conformance\)/);
    expect(tpc.stdout).toMatch(/FAIL all-decide \(liveness\)/);
    expect(tpc.stdout).toMatch(/failed classes: liveness \(all-decide\)/);
    expect(lease.code, lease.stderr).toBe(1);
    const [report] = JSON.parse(lease.stdout);
    expect(report.outcome).toBe('fail');
    expect(report.verdicts.filter((v: { status: string }) => v.status === 'fail').map((v: { property: string }) => v.property)).toEqual(['mutual-exclusion']);
  }, 60_000);

  it('passes a run that stops before the violation (exit 0), and fails an edited step as conformance, naming its line (exit 1)', async () => {
    const lines = linesOf(leaseTrace);
    const prefix = write('lease-prefix.jsonl', lines.slice(0, -1));
    // p1's yes vote (seq 5, line 6) turned into a no: p1 cannot then be prepared (line 7).
    const edited = write('tpc-edited.jsonl', linesOf(tpcTrace).map((l, i) => (i === 5 ? l.replace('"yes":true', '"yes":false') : l)));
    const [ok, bad] = await Promise.all([
      runCli(['verify', prefix, '--system', LEASE]),
      runCli(['verify', edited, '--system', TPC]),
    ]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/PASS mutual-exclusion \(safety\)/);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/FAIL refinement \(conformance\)\s+\[[^\]]*\]\n\s+line 7: the model cannot take a step that records p1 state/);
    expect(bad.stdout).toMatch(/failed classes: conformance \(refinement\)/);
  }, 60_000);

  it('refuses, in one line and exit 2, a custom trace without --system, a trace of another system, --param without --system, and ITF export of a custom trace', async () => {
    const [none, foreign, param, badModule, itf] = await Promise.all([
      runCli(['verify', tpcTrace]),
      runCli(['verify', tpcTrace, '--system', LEASE]),
      runCli(['verify', tpcTrace, '--param', 'crashes=0']),
      runCli(['verify', tpcTrace, '--system', './no/such/system.ts']),
      runCli(['itf', 'export', tpcTrace]),
    ]);
    expect(itf.stderr).toMatch(/:1: protocol: ITF export takes the bundled protocols only/);
    for (const r of [none, foreign, param, badModule, itf]) {
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(none.stderr).toMatch(/two-phase-commit-all-decide\.jsonl:1: protocol: .*--system \.\/examples\/two-phase-commit\/system\.ts/);
    expect(foreign.stderr).toMatch(/:1: config\.system: the trace is of system 'two-phase-commit\(participants=2, crashes=1\)', but the system given is 'lease-lock/);
    expect(param.stderr).toMatch(/--param needs --system/);
    expect(badModule.stderr).toMatch(/no\/such\/system\.ts: no such file/);
  }, 60_000);
});

describe('coordkit verify --system --deadlock', () => {
  it("a deadlock counterexample of check --deadlock fails deadlock-free under verify --deadlock (exit 1), and without it is a valid run (exit 0)", async () => {
    const out = join(dir, 'deadlock');
    const check = await runCli(['check', TPC, '--deadlock', '--param', 'crashes=0', '--trace-dir', out]);
    expect(check.code, check.stderr).toBe(1);
    const trace = join(out, 'two-phase-commit-deadlock-free.jsonl');
    const [strict, plain, missing] = await Promise.all([
      runCli(['verify', trace, '--system', TPC, '--param', 'crashes=0', '--deadlock']),
      runCli(['verify', trace, '--system', TPC, '--param', 'crashes=0']),
      runCli(['verify', trace, '--deadlock']),
    ]);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toMatch(/FAIL deadlock-free \(safety\)[\s\S]*the trace ends in a state where no actor can take a step/);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/(PASS|FAIL|SKIP) deadlock-free/);
    expect([missing.code, missing.stderr]).toEqual([2, 'coordkit: --deadlock: --deadlock needs --system\n']);
    // A prefix that stops while steps remain is no deadlock.
    const prefix = write('tpc-deadlock-prefix.jsonl', linesOf(trace).slice(0, 5));
    const early = await runCli(['verify', prefix, '--system', TPC, '--param', 'crashes=0', '--deadlock']);
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).toMatch(/PASS deadlock-free \(safety\) — the trace ends in a state where some step is enabled/);
  }, 120_000);
});
