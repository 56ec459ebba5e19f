import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { userSystemDiagram, type UserDiagramOptions } from './user-diagram.ts';

const PING = 'src/api/testing/ping-pong.ts';
const base: UserDiagramOptions = { format: 'mermaid', params: {}, graph: false, all: false, legend: true };

describe('diagrams of a user system', () => {
  it("draws a role's machine, and the state graph with ping-pong's 5-step violation of at-most-one highlighted", async () => {
    expect(await userSystemDiagram(`${PING}#ponger`, base)).toMatch(/state "counting"[\s\S]*state "done"/);
    const graph = await userSystemDiagram(PING, { ...base, graph: true });
    expect(graph).toMatch(/^flowchart/);
    expect(graph).toMatch(/b#58; done got=2/);
    expect(graph).toMatch(/class n\d+ violation/);
    // Two-phase commit violates no invariant: its graph is drawn around a witness, with nothing marked violated.
    const tpc = await userSystemDiagram('examples/two-phase-commit/system.ts', { ...base, graph: true, params: { crashes: '0' }, format: 'dot' });
    expect(tpc).toMatch(/^digraph/);
    expect(tpc).not.toMatch(/peripheries=2/);
  }, 60_000);

  it('refuses an unknown role, and --graph of one role, as user errors', async () => {
    await expect(userSystemDiagram(`${PING}#nobody`, base)).rejects.toThrow(/no actor with role 'nobody'; roles: pinger, ponger, clock/);
    await expect(userSystemDiagram(`${PING}#pinger`, { ...base, graph: true })).rejects.toThrow(/--graph draws the whole system's state graph/);
  });

  it('from the CLI: --graph as SVG, a counterexample trace of the system as a sequence diagram (exit 0), --graph on a registered machine (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coordkit-user-diagram-'));
    const checked = await runCli(['check', PING, '--trace-dir', dir]);
    expect(checked.code).toBe(1);
    const [svg, trace, bad] = await Promise.all([
      runCli(['diagram', PING, '--graph', '--format', 'svg']),
      runCli(['diagram', '--trace', join(dir, 'ping-pong-at-most-one.jsonl')]),
      runCli(['diagram', 'paxos-acceptor', '--graph']),
    ]);
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout).toMatch(/<svg/);
    expect(trace.code, trace.stderr).toBe(0);
    expect(trace.stdout).toMatch(/p0->>p1: 3\. ping n=1[\s\S]*p1--\)p0: 4\. pong \(not delivered\)/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--graph needs a module file/);
  }, 60_000);
});
