import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../explore/compose.ts';
import { search } from '../../explore/search.ts';
import { viewOf } from '../../diagram/state-graph.ts';
import { paxosTlaSystem } from '../../../models/paxos/system.ts';
import { findPaxosMutant } from '../../../models/paxos/mutants.ts';
import { exploredGraph } from './explored-graph.ts';
import { stateGraphToDot } from '../../diagram/state-graph.ts';
import { checkLiveness, lassoPath } from '../../explore/liveness.ts';
import { clusterSystem } from '../../../models/cluster/system.ts';
import { findClusterMutant } from '../../../models/cluster/mutants.ts';

describe('exploredGraph', () => {
  it('takes every state of a small search, with edges only between taken states and no self-loops', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 1 }));
    const r = search(system, { strategy: 'bfs' });
    const witness = r.properties.find((p) => p.status === 'reached')!.path!;
    const g = exploredGraph(system, r.store, { path: witness, maxNodes: 1000 });
    expect(g.nodes).toHaveLength(r.states);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
      expect(e.from).not.toBe(e.to);
    }
    // Every transition between distinct states is an edge (self-loops aside, fewer than the search's count).
    expect(g.edges.length).toBeGreaterThan(r.states - 1);
    expect(g.edges.length).toBeLessThanOrEqual(r.transitions);
    expect(g.nodes.filter((n) => n.initial).map((n) => n.id)).toEqual([0]);
    // The witness path is drawn along real edges.
    expect(viewOf(g, 1000).pathEdges.size).toBe(witness.length - 1);
    expect(g.nodes[0].label).toContain('a1: serving maxBal=-1');
  });

  it('keeps the counterexample path and its neighbourhood under the cap, marking the violating state', () => {
    const mutant = findPaxosMutant('phase2a-any-value')!;
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines: { proposer: mutant.machine } }));
    const r = search(system, { strategy: 'bfs' });
    const path = r.properties.find((p) => p.status === 'violated')!.path!;
    const g = exploredGraph(system, r.store, { path, violation: true, maxNodes: 25 });
    expect(g.nodes).toHaveLength(25);
    for (const i of path) expect(g.nodes.some((n) => n.id === i)).toBe(true);
    expect(g.nodes.filter((n) => n.violation).map((n) => n.id)).toEqual([path.at(-1)]);
    expect(viewOf(g, 25).pathEdges.size).toBe(path.length - 1);
    expect(g.edges.some((e) => e.label.includes('propose'))).toBe(true);
  });

  it('draws a liveness lasso of the cluster (keeps-own-vote): every state of it kept, the back edge into the loop start', () => {
    const mutant = findClusterMutant('keeps-own-vote')!;
    const spec = clusterSystem({ ...mutant.config, server: mutant.machine });
    const system = new ComposedSystem(spec);
    const r = search(system, { strategy: 'bfs', continueAfterViolation: true });
    const [{ lasso }] = checkLiveness(system, r.store, spec.liveness!, spec.fairness);
    const { path, loopAt } = lassoPath(lasso!);
    expect({ steps: path.length - 1, loopAt }).toEqual({ steps: 81, loopAt: 67 });
    const g = exploredGraph(system, r.store, { path, loopAt, maxNodes: 90 });
    for (const i of path) expect(g.nodes.some((n) => n.id === i)).toBe(true);
    const view = viewOf(g, 90);
    expect(view.back).toMatchObject({ loopStart: path[67], stutter: false });
    expect(view.edges[view.back!.edge]).toMatchObject({ from: path[80], to: path[67], label: 'env rebase' });
    expect(stateGraphToDot(g, { maxNodes: 90 })).toMatch(/-> n\d+ \[label="↺ 81\. env rebase \(back to loop start\)"[^\]]*style=dashed/);
  }, 120_000);
});
