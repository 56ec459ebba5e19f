import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../src/explore/compose.ts';
import { search, type SearchResult } from '../../src/explore/search.ts';
import { counterexample } from '../../src/explore/counterexample.ts';
import { header, traceEvent } from '../../conformance/schema/trace.ts';
import { clusterSystem, NO_CLUSTER_FAULTS, type ClusterConfig } from './system.ts';
import { livenessBound } from './bound.ts';

const run = (cfg: ClusterConfig) => {
  const system = new ComposedSystem(clusterSystem(cfg));
  return { system, result: search(system, { strategy: 'bfs', continueAfterViolation: true }) };
};
const statusOf = (r: SearchResult, name: string) => r.properties.find((p) => p.name === name)?.status;
const allGood = (r: SearchResult) =>
  r.properties.filter((p) => p.status === 'violated' || p.status === 'unreached').map((p) => `${p.name}: ${p.status} ${p.message ?? ''}`);

describe('cluster model semantics', () => {
  it('without faults elects one leader, keeps it, and never times anybody out', () => {
    const { result } = run({ servers: 3, syncLimit: 2, maxTicks: 6, faults: NO_CLUSTER_FAULTS });
    expect(allGood(result)).toEqual([]);
    expect(result.properties.map((p) => p.name)).not.toContain('re-election');
  });

  it('explores DFS to the same states as BFS', () => {
    const cfg = { servers: 3, syncLimit: 2, maxTicks: 6, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } };
    const bfs = run(cfg).result;
    const dfs = search(new ComposedSystem(clusterSystem(cfg)), { strategy: 'dfs' });
    expect(dfs.states).toBe(bfs.states);
  });

  it('a pause (a server that stops ticking and handling messages) breaks no invariant', () => {
    const { result } = run({ servers: 3, syncLimit: 2, maxTicks: 5, faults: { ...NO_CLUSTER_FAULTS, pauses: 1 } });
    expect(result.states).toBe(39247);
    expect(result.properties.filter((p) => p.kind === 'invariant' && p.status !== 'holds')).toEqual([]);
    expect(statusOf(result, 'follower-marked-down')).toBe('reached');
  }, 300_000);

  it('a single server elects itself (a quorum of one needs no acks)', () => {
    expect(allGood(run({ servers: 1, syncLimit: 1, maxTicks: 4, faults: NO_CLUSTER_FAULTS }).result)).toEqual([]);
  });

  it('with two of three servers crashed there is no quorum, and liveness is not claimed', () => {
    const { result } = run({ servers: 3, syncLimit: 1, maxTicks: 6, faults: { ...NO_CLUSTER_FAULTS, crashes: 2 } });
    expect(statusOf(result, 'leader-within-bound')).toBe('holds');
    expect(statusOf(result, 'one-leader-per-epoch')).toBe('holds');
  }, 300_000);

  it('writes a counterexample as a valid trace (header and every event parse)', () => {
    const { system, result } = run({ servers: 3, syncLimit: 2, maxTicks: 8, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 }, livenessBound: 4 });
    const violated = result.properties.find((p) => p.name === 'leader-within-bound')!;
    expect(violated.status).toBe('violated');
    const cx = counterexample(system, result.store, violated.path!);
    expect(header.safeParse(cx.header).success).toBe(true);
    for (const e of cx.events) expect(traceEvent.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(cx.events.some((e) => e.kind === 'crash')).toBe(true);
    expect(cx.steps.length).toBe(violated.path!.length - 1);
  });
});

describe('bounded liveness: the derived bound syncLimit + 5 is tight', () => {
  for (const syncLimit of [1, 2]) {
    it(`syncLimit ${syncLimit}: holds at ${livenessBound(syncLimit)} ticks, fails at one less`, () => {
      const cfg = { servers: 3, syncLimit, maxTicks: syncLimit + 7, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 } };
      expect(statusOf(run(cfg).result, 'leader-within-bound')).toBe('holds');
      expect(statusOf(run({ ...cfg, livenessBound: livenessBound(syncLimit) - 1 }).result, 'leader-within-bound')).toBe('violated');
    }, 300_000);
  }
});
