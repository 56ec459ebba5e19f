import { describe, expect, it } from 'vitest';
import { clusterSystem, NO_CLUSTER_FAULTS } from '../../models/cluster/system.ts';
import { clusterMutants } from '../impl/cluster/mutants.ts';
import { clusterBinding } from './cluster-binding.ts';
import { InProcessAdapter } from './in-process.ts';
import { killDriven } from './kill.ts';
import { drive, modelFor } from './modes.ts';
import { divergenceTrace } from './report.ts';

const reference = () => new InProcessAdapter('reference', clusterBinding.factory());

/** The binding over another cluster size (its own protocol name, so models are cached apart). */
const sized = (servers: number) => ({
  ...clusterBinding, protocol: `cluster-${servers}`,
  system: () => clusterSystem({ servers, syncLimit: 1, maxTicks: 5, faults: { ...NO_CLUSTER_FAULTS, crashes: 1, restarts: 1 } }),
});

describe('driver on the reference cluster implementation', () => {
  it('follows the model with one and with two servers too', async () => {
    for (const n of [1, 2]) {
      const b = sized(n);
      const r = await drive(b, new InProcessAdapter('reference', b.factory()), { mode: 'coverage' });
      expect(r.divergence, `${n} servers`).toBeNull();
      expect(r.coverage!.complete).toBe(true);
    }
  });

  it('covers every edge of the explored small model without diverging', async () => {
    const r = await drive(clusterBinding, reference(), { mode: 'coverage' });
    expect(r.divergence).toBeNull();
    expect(r.coverage!.edges).toBeGreaterThan(1000);
    expect(r.coverage!.complete).toBe(true);
  });

  it('keeps up on random walks and fast-check schedules with every fault', async () => {
    expect((await drive(clusterBinding, reference(), { mode: 'random', budget: 150, maxSteps: 80 })).divergence).toBeNull();
    expect((await drive(clusterBinding, reference(), { mode: 'fastcheck', budget: 80, maxSteps: 80 })).divergence).toBeNull();
  });
});

describe('cluster mutants', () => {
  it('every mutant is killed, by the driver or (sessions, outside the model) by the trace checkers', async () => {
    const results = await killDriven(clusterBinding, clusterMutants.map((m) => m.name));
    console.log(`cluster mutants: ${results.map((r) => `${r.name}<-${r.by}`).join(', ')}`);
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => !r.killed).map((r) => r.name)).toEqual([]);
    expect(results.find((r) => r.name === 'session-never-expires')!.by).toBe('trace: cluster.session-expiry');
    for (const r of results.filter((x) => x.name !== 'session-never-expires')) expect(r.by).not.toMatch(/^trace/);
  }, 120_000);

  it('a divergence is the shortest path to the diverging edge, and comes as a trace of the model', async () => {
    const r = await drive(clusterBinding, new InProcessAdapter('m', clusterBinding.factory('leader-keeps-epoch')), { mode: 'coverage' });
    const d = r.divergence!;
    expect(d.what).toBe('outputs');
    expect(d.description).toMatch(/tick/);
    expect(d.expected.outputs.join()).toContain('"epoch":1');
    const lines = divergenceTrace(modelFor(clusterBinding, 'small').system, d).trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ type: 'header', protocol: 'cluster' });
    expect(lines.length).toBeGreaterThan(d.path.length / 2);
  });
});
