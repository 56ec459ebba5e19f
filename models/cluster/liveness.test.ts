import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../src/explore/compose.ts';
import { search } from '../../src/explore/search.ts';
import { checkLiveness, type LivenessResult } from '../../src/explore/liveness.ts';
import type { StateStore } from '../../src/explore/state-store.ts';
import { clusterSystem, NO_CLUSTER_FAULTS, type ClusterConfig } from './system.ts';
import { findClusterMutant } from './mutants.ts';
import { environmentOf } from './observe.ts';
import type { Fairness } from '../../src/explore/spec.ts';

function live(cfg: ClusterConfig, fairness?: Fairness) {
  const spec = clusterSystem(cfg);
  const system = new ComposedSystem(spec);
  const result = search(system, { strategy: 'bfs', continueAfterViolation: true });
  expect(result.complete).toBe(true);
  const [verdict] = checkLiveness(system, result.store, spec.liveness!, fairness ?? spec.fairness);
  return { system, result, verdict };
}

/** True when every state has a successor: with the open clock no behaviour ends, so none can satisfy the property by stopping. */
function noTerminalState(system: ComposedSystem, store: StateStore): boolean {
  for (let i = 0; i < store.size; i++) {
    let any = false;
    system.successors(store.read(i), () => { any = true; });
    if (!any) return false;
  }
  return true;
}

const crashOnce: ClusterConfig = { servers: 3, syncLimit: 2, maxTicks: 7, faults: { ...NO_CLUSTER_FAULTS, crashes: 1 }, openClock: true };

describe('cluster liveness with an open clock: after the last fault a leader is eventually established', () => {
  it('holds on the specification with one crash (9,146 states), beside every bounded property', () => {
    const { system, result, verdict } = live(crashOnce);
    expect(result.states).toBe(9146);
    expect(verdict).toMatchObject({ name: 'leader-eventually', status: 'holds' });
    expect(result.properties.filter((p) => p.status === 'violated' || p.status === 'unreached')).toEqual([]);
    // Not vacuous: time never stops, and the initial state (a quorum up, no leader) is a state the property must get out of.
    expect(noTerminalState(system, result.store)).toBe(true);
    expect(live({ ...crashOnce, faults: NO_CLUSTER_FAULTS }, { deliver: true, offers: [] }).verdict.status).toBe('violated');
  }, 300_000);

  it('the clock keeps running forever: the rebase happens, and the bounded property keeps its meaning (fails with a bound one tick short)', () => {
    const { system, result } = live(crashOnce);
    let rebased = false;
    for (let i = 0; i < result.store.size && !rebased; i++) rebased = environmentOf(system.view(result.store.read(i))).rebasing === true;
    expect(rebased).toBe(true);
    const short = search(new ComposedSystem(clusterSystem({ ...crashOnce, livenessBound: 6 })), { strategy: 'bfs', continueAfterViolation: true });
    expect(short.properties.find((p) => p.name === 'leader-within-bound')!.status).toBe('violated');
  }, 300_000);

  it('holds with a crash and a restart (45,503 states): the restarted server takes the current round\'s tick whatever frame it crashed in', () => {
    const { result, verdict } = live({ ...crashOnce, faults: { ...NO_CLUSTER_FAULTS, crashes: 1, restarts: 1 } });
    expect(result.states).toBe(45503);
    expect(verdict.status).toBe('holds');
    expect(result.properties.filter((p) => p.status === 'violated' || p.status === 'unreached')).toEqual([]);
  }, 600_000);

  it('refuses configurations the rebase cannot keep exact (a window shorter than the bound, pauses)', () => {
    expect(() => clusterSystem({ ...crashOnce, maxTicks: 6 })).toThrow(/maxTicks >= 7 \(the liveness bound \(7\)/);
    // A bound below syncLimit + 1 does not lower the window's floor: the message names the larger one (3), not the bound (0).
    expect(() => clusterSystem({ ...crashOnce, livenessBound: 0, maxTicks: 2 })).toThrow(/needs maxTicks >= 3 \(the liveness bound \(0\) and syncLimit \+ 1 \(3\), whichever is larger\), got 2/);
    expect(() => clusterSystem({ ...crashOnce, faults: { ...NO_CLUSTER_FAULTS, pauses: 1 } })).toThrow(/does not support pauses/);
  });
});

describe('the liveness mutant keeps-own-vote', () => {
  const mutant = findClusterMutant('keeps-own-vote')!;
  const run = () => live({ ...mutant.config, server: mutant.machine });

  it('is caught with a lasso: 67 steps to the loop, then one 14-step round (votes, ticks, rebase) forever', () => {
    const { result, verdict } = run();
    expect(result.states).toBe(632);
    expect(verdict.status).toBe('violated');
    expect(verdict.lasso).toMatchObject({ loopAt: 67, cycleSteps: 14 });
    expect(verdict.counterexample!.loop).toMatchObject({ prefixSteps: 67, cycleSteps: 14 });
  }, 300_000);

  it('the lasso replays as a real path of the model, and its cycle returns to the loop start with no fault in it', () => {
    const { system, result, verdict } = run();
    const { states, actions, loopAt } = (verdict as LivenessResult & { lasso: NonNullable<LivenessResult['lasso']> }).lasso;
    const closed = [...states, states[loopAt]];
    const key = (i: number) => result.store.read(i).join(',');
    for (let k = 0; k + 1 < closed.length; k++) {
      const next = system.next(result.store.read(closed[k]), actions[k]).join(',');
      expect(next.replace(/(,0)+$/, ''), `step ${k + 1}`).toBe(key(closed[k + 1]).replace(/(,0)+$/, ''));
    }
    const cycle = actions.slice(loopAt).map((a) => system.decodeStep(a));
    expect(cycle.every((s) => s.kind === 'deliver' || s.kind === 'offer')).toBe(true);
    const offered = cycle.flatMap((s) => (s.kind === 'offer' ? [`${s.node} ${s.event.type}`] : []));
    expect(offered.sort()).toEqual(['env advance', 'env rebase', 's1 rebase', 's1 tick', 's2 rebase', 's2 tick', 's3 rebase', 's3 tick']);
  }, 300_000);
});
