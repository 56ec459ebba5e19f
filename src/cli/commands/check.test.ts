import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

const run = runCli;

describe('coordkit check', () => {
  it('checks Paxos.tla with ballots {0,1}: 3,921 states, every property as it should be, exit 0', async () => {
    const r = await run(['check', 'paxos', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ states: 3921, verdict: 'pass', complete: true, stopReason: 'exhausted' });
    expect(summary.properties.map((p: { name: string; status: string }) => `${p.name}:${p.status}`)).toEqual([
      'agreement:holds', 'validity:holds', 'learners-decide-chosen:holds', 'some-value-chosen:reached',
    ]);
  }, 180_000);

  it('catches a mutant: exit 1, a step table, and a counterexample trace that verify also rejects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-check-'));
    const r = await run(['check', 'paxos', '--mutant', 'phase2a-any-value', '--trace-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ agreement/);
    expect(r.stdout).toMatch(/counterexample \(8 steps, shortest\)/);
    expect(r.stdout).toMatch(/receives accept\(ballot=1, value="v2"\) from p1/);
    const trace = join(dir, 'paxos-agreement.jsonl');
    expect((await readFile(trace, 'utf8')).split('\n')[0]).toMatch(/"protocol":"paxos"/);
    const verify = await run(['verify', trace, '--no-refinement', '--json']);
    expect(verify.code).toBe(1);
    const agreement = JSON.parse(verify.stdout)[0].verdicts.find((v: { property: string }) => v.property === 'paxos.agreement');
    expect(agreement.status).toBe('fail');
  }, 180_000);

  it('says when a mutant is not caught in the configuration checked, and where it is', async () => {
    // Message passing: a proposer picks its value from the promises, so the broken guard changes nothing there.
    const passed = await run(['check', 'paxos', '--network', 'multiset', '--mutant', 'phase2a-any-value', '--json']);
    expect(passed.code).toBe(0);
    const summary = JSON.parse(passed.stdout);
    expect(summary.verdict).toBe('pass');
    expect(summary.mutantNote).toMatch(/^phase2a-any-value is not caught in this configuration.*Paxos\.tla, ballots \{0,1\}/);
    const text = await run(['check', 'paxos', '--network', 'multiset', '--mutant', 'phase2a-any-value']);
    expect(text.stdout).toMatch(/\n {2}mutant: phase2a-any-value is not caught/);
    const caught = await run(['check', 'paxos', '--mutant', 'phase2a-any-value', '--json', '--trace-dir', await mkdtemp(join(tmpdir(), 'coordkit-check-'))]);
    expect(caught.code).toBe(1);
    expect(JSON.parse(caught.stdout).mutantNote).toBeUndefined();
  }, 180_000);

  it('rejects bad options with one line and exit 2, never a stack trace', async () => {
    const cases = [
      ['--acceptors', 'three'], ['--ballots', '0'], ['--mutant', 'nope'], ['--network', 'multiset', '--symmetry'], ['--resume', 'no-such.ckpt'], ['--resume', 'package.json'],
      ['--checkpoint', '/dev/null'], ['--trace-dir', 'package.json/x'], ['--canonical', 'sorted'], ['--symmetry', '--canonical', 'least'],
    ];
    const runs = await Promise.all(cases.map((args) => run(['check', 'paxos', ...args])));
    for (const [i, args] of cases.entries()) {
      const r = runs[i];
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  }, 180_000);

  it('stops at a state limit with partial statistics, checkpoints, and resumes to the full count (--ballots 2 typed is the default search)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-check-'));
    const ckpt = join(dir, 'paxos.ckpt');
    const first = await run(['check', 'paxos', '--max-states', '1000', '--checkpoint', ckpt, '--json']);
    expect(first.code).toBe(3);
    expect(JSON.parse(first.stdout)).toMatchObject({ verdict: 'incomplete', stopReason: 'state-limit', checkpoint: ckpt });
    const second = await run(['check', 'paxos', '--resume', ckpt, '--ballots', '2', '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ states: 3921, verdict: 'pass' });
  }, 180_000);

  it('never says PASS for a bounded search: --max-depth 0 is BOUNDED with 1 state, exit 3, and names the unreached vacuity check', async () => {
    const r = await run(['check', 'paxos', '--max-depth', '0']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/distinct states {2}1\n/);
    expect(r.stdout).toMatch(/verdict: BOUNDED: no violation within depth 0 .*vacuity not ruled out: some-value-chosen/);
    expect(r.stdout).not.toMatch(/PASS/);
  }, 180_000);

  it('still fails a bounded search that finds a violation (exit 1), and calls a state-limited one INCOMPLETE (exit 3)', async () => {
    const caught = await run(['check', 'paxos', '--mutant', 'phase2a-any-value', '--max-depth', '8', '--trace-dir', await mkdtemp(join(tmpdir(), 'coordkit-check-'))]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/verdict: FAIL: violated: agreement/);
    const limited = await run(['check', 'cluster', '--max-states', '200']);
    expect(limited.code).toBe(3);
    expect(limited.stdout).toMatch(/verdict: INCOMPLETE: stopped at the state limit \(--max-states\) after 2\d\d states/);
  }, 180_000);

  it('refuses to resume with other options than the checkpoint was taken with (exit 2, one line naming the option)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-check-'));
    const ckpt = join(dir, 'paxos.ckpt');
    expect((await run(['check', 'paxos', '--max-states', '500', '--checkpoint', ckpt])).code).toBe(3);
    const cases = [[['--symmetry'], '--symmetry'], [['--ballots', '3'], '--ballots'], [['--mutant', 'phase2a-any-value'], '--mutant']] as const;
    const runs = await Promise.all(cases.map(([args]) => run(['check', 'paxos', '--resume', ckpt, ...args])));
    for (const [i, [args, named]] of cases.entries()) {
      const r = runs[i];
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`taken with other options (${named} `);
    }
  }, 180_000);

  it('prints a finished result even when a counterexample cannot be written, then exits 2 naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-check-'));
    await mkdir(join(dir, 'paxos-agreement.jsonl'));
    const r = await run(['check', 'paxos', '--mutant', 'phase2a-any-value', '--trace-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/✗ agreement/);
    expect(r.stdout).toMatch(/verdict: FAIL/);
    expect(r.stderr).toMatch(/paxos-agreement\.jsonl: --trace-dir: cannot write/);
  }, 180_000);

  it('reports both counts with --symmetry', async () => {
    const r = await run(['check', 'paxos', '--symmetry', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ states: 443, statesUnreduced: 3921, symmetryGroup: 12 });
  }, 180_000);

  it('gives the same counts with --canonical sorted (443 orbits, 3,921 states)', async () => {
    const r = await run(['check', 'paxos', '--symmetry', '--canonical', 'sorted', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ states: 443, statesUnreduced: 3921, symmetryGroup: 12 });
  }, 180_000);
});
