import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictExitCode } from './exit-codes.ts';
import { buildCheckSystem } from './models.ts';
import { formatSummary, judge, runCheck } from './runner.ts';

const props = (reached: boolean, violated = false) => [
  { name: 'agreement', kind: 'invariant', status: violated ? 'violated' as const : 'holds' as const },
  { name: 'some-value-chosen', kind: 'reachable', status: reached ? 'reached' as const : 'unreached' as const },
];
const run = (stopReason: 'exhausted' | 'violation' | 'depth-bound' | 'memory' | 'state-limit' | 'interrupted', depth = 5) =>
  ({ complete: stopReason === 'exhausted', stopReason, states: 1234, depth });

describe('the verdict of a check', () => {
  it('is PASS (exit 0) only for a complete search with every property as required', () => {
    expect(judge(run('exhausted'), props(true))).toMatchObject({ verdict: 'pass' });
    expect(verdictExitCode('pass')).toBe(0);
  });

  it('is FAIL (exit 1) on a violation, bounded or not, and on a reachability check never reached in a complete search', () => {
    expect(judge(run('violation'), props(false, true))).toEqual({ verdict: 'fail', note: 'violated: agreement' });
    expect(judge(run('depth-bound'), props(false, true)).verdict).toBe('fail');
    expect(judge(run('exhausted'), props(false)).note).toMatch(/vacuous\): some-value-chosen/);
    expect(verdictExitCode('fail')).toBe(1);
  });

  it('is BOUNDED (exit 3) at a depth bound, naming the depth and what was not reached', () => {
    expect(judge(run('depth-bound', 0), props(false))).toEqual({
      verdict: 'bounded',
      note: 'no violation within depth 0 (states deeper were not explored); not reached, so vacuity not ruled out: some-value-chosen',
    });
    expect(verdictExitCode('bounded')).toBe(3);
  });

  it('is INCOMPLETE (exit 3) at the memory cap, the state limit or a signal, with the 1,234 states covered', () => {
    for (const [reason, said] of [['memory', 'memory cap'], ['state-limit', 'state limit'], ['interrupted', 'signal']] as const) {
      const { verdict, note } = judge(run(reason), props(true));
      expect(verdict).toBe('incomplete');
      expect(note).toMatch(new RegExp(`${said}.* after 1,234 states; no violation among them$`));
    }
    expect(verdictExitCode('incomplete')).toBe(3);
  });
});

describe('the summary of a check', () => {
  it('says that a property that held was checked only on the states explored when the search stopped early', () => {
    const traceDir = mkdtempSync(join(tmpdir(), 'coordkit-runner-'));
    try {
      const lines = (opts: Record<string, unknown>) => formatSummary(runCheck('paxos', buildCheckSystem({ model: 'paxos', opts }), { strategy: 'bfs', traceDir })).split('\n');
      // Stopped at the first violation of agreement: validity was not checked past it.
      const stopped = lines({ mutant: 'phase2a-any-value' });
      expect(stopped.find((l) => l.includes('✗ agreement'))).toBeDefined();
      expect(stopped.find((l) => l.includes('✓ validity'))).toMatch(/\(in the states explored\)$/);
      const complete = lines({});
      expect(complete.find((l) => l.includes('✓ validity'))).not.toMatch(/explored/);
    } finally {
      rmSync(traceDir, { recursive: true, force: true });
    }
  });
});
