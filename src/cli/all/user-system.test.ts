/**
 * `coordkit all --system FILE`: the main job on a user's own system. The small ping-pong
 * system breaks an invariant; two-phase commit without crashes holds everything.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { runUserSystem, stateGraphOf } from './user-system.ts';
import { runCheck } from '../check/runner.ts';
import { stateGraphToMermaid } from '../../diagram/state-graph.ts';
import twoPhaseCommit from '../../../examples/two-phase-commit/system.ts';

const work = mkdtempSync(join(tmpdir(), 'coordkit-all-system-'));

describe('coordkit all --system', () => {
  it('checks a failing system (ping-pong: at-most-one violated in 5 steps, the silent clock tick among them), replays its counterexample, draws every role and writes the report', async () => {
    const outDir = join(work, 'ping');
    const lines: string[] = [];
    const { json } = await runUserSystem({ file: 'src/api/testing/ping-pong.ts', params: {}, outDir }, { line: (t) => lines.push(t) });
    expect(json.ok).toBe(false);
    expect(json.unexpected).toEqual(['model ping-pong (ping-pong): unexpected: at-most-one']);
    expect(json.checks[0]).toMatchObject({ model: 'ping-pong', verdict: 'fail', states: 16, asExpected: false });
    expect(json.checks[0].properties.find((p) => p.name === 'at-most-one')).toMatchObject({ status: 'violated', depth: 5 });
    // The trace replays on the system and fails the property it was found for: as expected.
    expect(json.traces).toHaveLength(1);
    expect(json.traces[0]).toMatchObject({ protocol: 'custom', asExpected: true, failed: ['at-most-one'] });
    const diagrams = join(outDir, 'diagrams');
    for (const f of ['ping-pong-pinger.svg', 'ping-pong-ponger.mmd', 'ping-pong-clock.dot', 'state-graph-ping-pong.svg', 'counterexample-ping-pong-at-most-one.mmd']) {
      expect(existsSync(join(diagrams, f)), f).toBe(true);
    }
    const sequence = readFileSync(join(diagrams, 'counterexample-ping-pong-at-most-one.mmd'), 'utf8');
    expect(sequence).toMatch(/participant p0 as a[\s\S]*p0->>p1: 3\. ping n=1/);
    expect(sequence).not.toMatch(/ping n=1 \(not delivered\)/);
    const html = readFileSync(join(outDir, 'report.html'), 'utf8');
    expect(html).toContain('Statechart: ping-pong-ponger');
    expect(html).toContain('Explored state graph: ping-pong');
    expect(html).toContain('Counterexample: at-most-one (5 steps)');
    expect(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')).ok).toBe(false);
    expect(lines.at(-1)).toMatch(/1 UNEXPECTED/);
  }, 120_000);

  it('draws the liveness lasso when nothing else is violated (two-phase commit with a crash: all-decide, a 2-step cycle) instead of a witness', () => {
    const run = runCheck('tpc', twoPhaseCommit(), { strategy: 'bfs', continueAfterViolation: true });
    expect(run.summary.properties.filter((p) => p.status === 'violated').map((p) => p.name)).toEqual(['all-decide']);
    const graph = stateGraphOf(run, 40);
    expect(graph.loopAt).toBe(5);
    expect(graph.highlight).toHaveLength(5 + 2 + 1);
    expect(stateGraphToMermaid(graph)).toMatch(/back to loop start/);
  }, 120_000);

  it('passes two-phase commit without crashes (172 states, all-decide holds) from the CLI with exit 0, and refuses --only with --system (exit 2)', async () => {
    const outDir = join(work, 'tpc');
    const [ok, only] = await Promise.all([
      runCli(['all', '--system', './examples/two-phase-commit/system.ts', '--param', 'crashes=0', '--out', outDir, '--json']),
      runCli(['all', '--system', './examples/two-phase-commit/system.ts', '--only', 'paxos', '--out', join(work, 'never')]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json).toMatchObject({ ok: true, unexpected: [], traces: [] });
    expect(json.checks[0]).toMatchObject({ states: 172, verdict: 'pass' });
    expect(json.checks[0].properties.find((p: { name: string }) => p.name === 'all-decide').status).toBe('holds');
    expect(existsSync(join(outDir, 'diagrams', 'two-phase-commit-participant.svg'))).toBe(true);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/--only/);
  }, 120_000);
});
