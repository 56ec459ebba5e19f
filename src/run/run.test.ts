import { describe, expect, it } from 'vitest';
import { failed, verifyItems } from '../../conformance/checkers/run.ts';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { planFaults } from './faults.ts';
import { paxosRunPlan } from './paxos-plan.ts';
import { runReal } from './runner.ts';
import { fc } from '@fast-check/vitest';
import { traceToJsonl } from '../../conformance/schema/writer.ts';

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

describe('real-network Paxos runs on 127.0.0.1', () => {
  it('a run under kill, pause and partition yields a trace every checker accepts, and leaves no process behind', async () => {
    const r = await runReal(paxosRunPlan(3, { periodMs: 300 }), { faults: ['kill', 'pause', 'partition'], durationMs: 3500, seed: 3 });
    const report = await verifyItems(readTraceText(traceToJsonl(r), 'run.jsonl'), 'run.jsonl');
    const kinds = new Set(r.events.map((e) => e.kind));
    for (const k of ['send', 'receive', 'decide', 'crash', 'restart', 'pause', 'resume', 'partition', 'heal']) expect(kinds, k).toContain(k);
    expect(report.verdicts.filter((v) => v.status === 'fail').map((v) => `${v.property}: ${v.violations[0]?.message}`)).toEqual([]);
    expect(failed(report)).toBe(false);
    expect(r.pids.filter(alive)).toEqual([]);
  });

  it('the same run of a broken implementation is rejected by the checkers', async () => {
    const plan = { ...paxosRunPlan(3, { periodMs: 300 }), variant: 'proposer-minority-quorum' };
    const r = await runReal(plan, { faults: [], durationMs: 1500, seed: 1 });
    const report = await verifyItems(readTraceText(traceToJsonl(r), 'run.jsonl'), 'run.jsonl');
    expect(report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property)).toContain('paxos.accept-after-quorum');
  });
});

describe('fault schedule', () => {
  it('undoes every fault before the next, within the run, deterministically', () => {
    fc.assert(fc.property(fc.subarray(['kill', 'pause', 'partition'] as const, { minLength: 1 }), fc.integer({ min: 1000, max: 60_000 }), fc.nat(), (kinds, durationMs, seed) => {
      const input = { kinds, durationMs, victims: ['a1', 'a2', 'a3'], nodes: ['p1', 'a1', 'a2', 'a3'], seed };
      const plan = planFaults(input);
      expect(planFaults(input)).toEqual(plan);
      expect(plan).toHaveLength(kinds.length * 2);
      for (let i = 0; i < plan.length; i += 2) {
        expect(plan[i].at).toBeLessThan(plan[i + 1].at);
        if (i + 2 < plan.length) expect(plan[i + 1].at).toBeLessThanOrEqual(plan[i + 2].at);
        const f = plan[i];
        if (f.kind === 'partition') expect(f.groups.every((g) => g.length > 0)).toBe(true);
      }
      expect(plan.at(-1)!.at).toBeLessThan(durationMs);
    }));
  });

  it('varies the kill victim and its timing with the seed: over seeds 0..200 each of 3 acceptors is hit 40+ times, at 150+ distinct times', () => {
    const hits = new Map<string, number>();
    const times = new Set<number>();
    const paused = new Set<string>();
    for (let seed = 0; seed <= 200; seed++) {
      const plan = planFaults({ kinds: ['kill', 'pause'], durationMs: 6000, victims: ['a1', 'a2', 'a3'], nodes: ['p1', 'p2', 'a1', 'a2', 'a3', 'l1'], seed });
      const kill = plan.find((f) => f.kind === 'kill') as { node: string; at: number };
      hits.set(kill.node, (hits.get(kill.node) ?? 0) + 1);
      times.add(kill.at);
      paused.add((plan.find((f) => f.kind === 'pause') as { node: string }).node);
    }
    expect([...hits.keys()].sort()).toEqual(['a1', 'a2', 'a3']);
    expect(Math.min(...hits.values())).toBeGreaterThanOrEqual(40);
    expect(times.size).toBeGreaterThanOrEqual(150);
    expect(paused.size).toBe(3);
  });
});
