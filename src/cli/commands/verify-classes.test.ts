/**
 * `coordkit verify` and property classes (conformance/checkers/classes.ts): the exit code
 * and the closing summary line name the classes that failed. Kept apart from
 * verify.test.ts, which covers the command's input handling.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

describe('coordkit verify: property classes', () => {
  it('exits 1 and names the liveness class alone for the latest-only learner trace; 0 and a conformance class on refinement for the re-promise trace', async () => {
    const bad = await runCli(['verify', 'traces/paxos/mutant-learner-keeps-latest-only-seed338.fail.learner-liveness.jsonl']);
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('failed classes: liveness (paxos.learner-liveness)');
    const good = await runCli(['verify', 'traces/paxos/repromise-seed1.pass.jsonl', '--json']);
    expect(good.code).toBe(0);
    const verdicts = JSON.parse(good.stdout)[0].verdicts as { property: string; class: string }[];
    expect(verdicts.find((v) => v.property === 'paxos.refinement')!.class).toBe('conformance');
  }, 180_000);
});
