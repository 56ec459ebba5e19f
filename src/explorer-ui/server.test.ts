/** The explorer server on the cluster model, through its JSON API (no browser). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModels } from '../cli/check/models.ts';
import { startExplorer, type Explorer } from './server.ts';

let explorer: Explorer;
beforeAll(async () => {
  const cluster = checkModels.find((m) => m.name === 'cluster')!;
  explorer = await startExplorer(cluster.build({ servers: 3, syncLimit: 2, maxTicks: 3, faults: 'crash', sessionTimeout: 3 }));
});
afterAll(() => explorer?.close());

describe('explorer server on the cluster model', () => {
  it('searches 856 states and offers the 15-step witness of leader-established', () => {
    expect(explorer.info.search).toEqual({ states: 856, complete: true, stopReason: 'exhausted' });
    expect(explorer.info.actors.map((a) => a.id)).toEqual(['s1', 's2', 's3', 'env']);
    expect(explorer.info.properties.find((p) => p.name === 'leader-established')?.tour).toHaveLength(15);
  });

  it('at the end of the witness, reports the goal reached and one server in leading.established', async () => {
    const tour = explorer.info.properties.find((p) => p.name === 'leader-established')!.tour!;
    const state = await (await fetch(`${explorer.url}api/state?path=${tour.join('.')}`)).json() as {
      reached: string[]; violated: unknown[]; actors: { id: string; active: string[] }[]; taken: unknown[];
    };
    expect(state.taken).toHaveLength(15);
    expect(state.reached).toContain('leader-established');
    expect(state.violated).toEqual([]);
    const leaders = state.actors.filter((a) => a.active.includes('cluster-server.leading.established'));
    expect(leaders).toHaveLength(1);
    // Each actor's active states (below the machine itself, which is the whole drawing)
    // name elements of its statechart drawing.
    for (const [i, a] of state.actors.entries()) {
      expect(a.active.length).toBeGreaterThan(1);
      for (const id of a.active.slice(1)) expect(explorer.info.actors[i].svg).toContain(`id="${explorer.info.actors[i].ids[id]}"`);
    }
  });
});
