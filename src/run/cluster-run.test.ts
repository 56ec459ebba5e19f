import { describe, expect, it } from 'vitest';
import { failed, verifyItems } from '../../conformance/checkers/run.ts';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { clientSessions, clusterRunPlan } from './cluster-plan.ts';
import { runReal } from './runner.ts';
import { traceToJsonl } from '../../conformance/schema/writer.ts';

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

describe('real-network cluster runs on 127.0.0.1', () => {
  it('a run under kill, pause and partition elects leaders, expires sessions, and yields a trace every checker accepts', async () => {
    const durationMs = 6000;
    const r = await runReal(clusterRunPlan(3, { durationMs }), { faults: ['kill', 'pause', 'partition'], durationMs, seed: 2 });
    const report = await verifyItems(readTraceText(traceToJsonl(r), 'run.jsonl'), 'run.jsonl');
    const kinds = new Set(r.events.map((e) => e.kind));
    for (const k of ['send', 'receive', 'tick', 'role', 'session', 'crash', 'restart', 'pause', 'resume', 'partition', 'heal']) expect(kinds, k).toContain(k);
    expect(r.events.some((e) => e.kind === 'role' && e.role === 'leading')).toBe(true);
    expect(r.events.some((e) => e.kind === 'session' && e.action === 'expire')).toBe(true);
    expect(report.verdicts.filter((v) => v.status === 'fail').map((v) => `${v.property}: ${v.violations[0]?.message}`)).toEqual([]);
    expect(failed(report)).toBe(false);
    expect(r.pids.filter(alive)).toEqual([]);
  });

  it('the same run of an implementation whose sessions never expire is rejected by the checkers', async () => {
    const durationMs = 4000;
    const plan = { ...clusterRunPlan(3, { durationMs }), variant: 'session-never-expires' };
    const r = await runReal(plan, { faults: [], durationMs, seed: 1 });
    const report = await verifyItems(readTraceText(traceToJsonl(r), 'run.jsonl'), 'run.jsonl');
    expect(report.verdicts.filter((v) => v.status === 'fail').map((v) => v.property)).toContain('cluster.session-expiry');
  });
});

describe('client session schedule', () => {
  it('one long-lived session, then short ones that alternately die and close, all within the run', () => {
    const s = clientSessions(60, 10);
    expect(s[0]).toMatchObject({ session: 'c1.live', open: 1 });
    expect(s[0].silentAt ?? s[0].closeAt).toBeUndefined();
    expect(s.slice(1).map((x) => (x.silentAt !== undefined ? 'dies' : 'closes'))).toEqual(['dies', 'closes', 'dies']);
    for (const x of s.slice(1)) expect((x.silentAt ?? x.closeAt)!).toBeLessThan(60);
  });
});
