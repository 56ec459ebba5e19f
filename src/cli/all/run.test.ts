/**
 * The main job on a reduced input: one small configuration, one mutant, a handful of
 * traces, one machine. Checks the files it writes and that it reports what did not go
 * as expected (a surviving mutant, a trace whose name promises a failure it lacks).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFamily, findMachine, type FamilyMutant } from '../../families.ts';
import { DRAWN, runAll, type AllPlan } from './run.ts';

const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'coordkit-all-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const quiet = { line: () => {} };

/** A family's mutant as the table has it; a model mutant keeps only its first (cheapest) run. */
function mutant(family: 'paxos' | 'cluster' | 'balancer', name: string): AllPlan['mutants'][number] {
  const m = findFamily(family)!.mutants.find((x) => x.name === name)!;
  return { family, mutant: m.kind === 'model' ? { ...m, runs: m.runs.slice(0, 1) } : m };
}

function plan(name: string, over: Partial<AllPlan>): AllPlan {
  return {
    checks: [DRAWN],
    mutants: [mutant('paxos', 'phase2a-any-value'), mutant('cluster', 'session-never-expires'), mutant('balancer', 'rr-stutters')],
    mutantGraph: { maxNodes: 30, highlight: 'violation', maxStates: 20_000 },
    traces: [
      join(root, 'traces/cluster/follower-pause-short.pass.jsonl'),
      join(root, 'traces/cluster/two-leaders-one-epoch.fail.one-leader-per-epoch.jsonl'),
      join(root, 'traces/balancer/fail/hash-stable.hash-drifts-over-time.jsonl'),
    ],
    machines: [findMachine('paxos-acceptor')!],
    outDir: join(work, name),
    ...over,
  };
}

describe('coordkit all (reduced)', () => {
  it('writes the HTML report, the JSON summary and the diagrams, all as expected', async () => {
    const p = plan('good', {});
    const { json } = await runAll(p, quiet);
    expect(json.unexpected).toEqual([]);
    expect(json.ok).toBe(true);
    expect(json.checks).toHaveLength(1);
    expect(json.checks[0]).toMatchObject({ states: 73, verdict: 'pass', asExpected: true });
    expect(json.mutants[0]).toMatchObject({ caughtBy: 'explorer', asExpected: true, verdict: 'fail' });
    const [paxos, session, balancer] = json.mutants;
    expect(paxos.caughtBy === 'explorer' && paxos.counterexamples.map((c) => c.property)).toContain('agreement');
    expect(session).toMatchObject({ caughtBy: 'explorer', model: 'cluster', asExpected: true, mutant: { kills: 'session-not-expired-late' } });
    expect(session.detail).toContain('session-not-expired-late violated');
    // 2,000 picks, 2,000 dones and 2 membership changes.
    expect(balancer).toMatchObject({ caughtBy: 'trace', model: 'balancer', asExpected: true, events: 4002 });
    expect(balancer.caughtBy === 'trace' && balancer.failed).toContain('round-robin-order');
    expect(json.traces.map((t) => t.asExpected)).toEqual([true, true, true]);

    const html = readFileSync(join(p.outDir, 'report.html'), 'utf8');
    expect(html).toContain('<h2 class="section">Models</h2>');
    expect(html).toContain('id="traces">Verified traces</h2>');
    expect(html).toContain('Statechart: paxos-acceptor');
    expect(html).toContain('Explored state graph: Paxos.tla, ballots {0}');
    expect(html).toContain('Explored states around the counterexample: phase2a-any-value');
    expect(html).toContain('Counterexample: agreement (8 steps)');
    expect(html).toMatch(/Step through it in the explorer: <code>coordkit explore paxos [^<]*--mutant phase2a-any-value --tour agreement<\/code>/);
    expect(html).toContain('class="timeline"');
    expect(html).toContain('two-leaders-one-epoch');
    expect(html).toContain('mutant rr-stutters (recorded in memory');
    expect(html).toContain('Explored states around the counterexample: session-never-expires');
    expect(html).toContain('everything as expected');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);

    const diagrams = join(p.outDir, 'diagrams');
    for (const ext of ['mmd', 'dot', 'svg']) expect(existsSync(join(diagrams, `paxos-acceptor.${ext}`))).toBe(true);
    expect(existsSync(join(diagrams, 'state-graph-mutant-phase2a-any-value.svg'))).toBe(true);
    expect(readFileSync(join(diagrams, 'counterexample-mutant-phase2a-any-value-agreement.mmd'), 'utf8')).toMatch(/^sequenceDiagram/);
    expect(JSON.parse(readFileSync(join(p.outDir, 'report.json'), 'utf8')).ok).toBe(true);
  }, 120_000);

  it('reports a surviving mutant and a trace that does not fail as its name says as unexpected', async () => {
    const traces = join(work, 'mislabelled');
    mkdirSync(traces, { recursive: true });
    const liar = join(traces, 'quiet-run.fail.agreement.jsonl');
    copyFileSync(join(root, 'traces/paxos/correct-seed1.pass.jsonl'), liar);
    const p = plan('bad', {
      checks: [],
      // On Paxos.tla every value is offered to the proposer, so ignoring promised values changes nothing there.
      mutants: [
        mutant('paxos', 'proposer-ignores-accepted'),
        // Stuttering keeps every backend in the membership: pick-validity holds.
        { family: 'balancer', mutant: { ...(mutant('balancer', 'rr-stutters').mutant as Extract<FamilyMutant, { kind: 'trace' }>), kills: 'pick-validity' } },
      ],
      traces: [liar],
    });
    const lines: string[] = [];
    const { json } = await runAll(p, { line: (t) => lines.push(t) });
    expect(json.ok).toBe(false);
    expect(json.unexpected).toHaveLength(3);
    expect(json.unexpected[0]).toContain('mutant proposer-ignores-accepted: not caught');
    expect(json.unexpected[1]).toMatch(/^mutant rr-stutters: not caught: pick-validity holds \(failed: .*round-robin-order/);
    expect(json.unexpected[2]).toContain('does not fail agreement');
    expect(lines.at(-1)).toContain('3 UNEXPECTED');
    expect(readFileSync(join(p.outDir, 'report.html'), 'utf8')).toContain('3 unexpected');
  }, 120_000);
});
