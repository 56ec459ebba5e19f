/**
 * The cluster configurations `npm start` checks (clusterCheckModel.defaults), with their
 * state counts pinned so that model changes that alter the state space are noticed.
 */
import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../explore/compose.ts';
import { search, type SearchResult } from '../../explore/search.ts';
import { clusterCheckModel } from './check-cluster.ts';

const allGood = (r: SearchResult) =>
  r.properties.filter((p) => p.status === 'violated' || p.status === 'unreached').map((p) => `${p.name}: ${p.status} ${p.message ?? ''}`);

describe('cluster model, default configurations (what `npm start` checks)', () => {
  // Pinned so that model changes that alter the state space are noticed and explained.
  const expected: Record<string, number> = {
    '3 servers, syncLimit 2, 8 ticks, 1 crash': 3171,
    '3 servers, syncLimit 2, 8 ticks, crash + restart': 29764,
    '3 servers, syncLimit 2, 8 ticks, 1 partition': 65180,
    '3 servers, syncLimit 1, 8 ticks, 2 message losses': 21766,
    'sessions: 2 clients, timeout 3 ticks, 8 ticks': 2995,
    '3 servers, syncLimit 2, 7 ticks, crash + restart, open clock': 45503,
  };
  const filled = { servers: 3, syncLimit: 2, maxTicks: 8, faults: 'crash', sessionTimeout: 3 };

  it('registers exactly the pinned configurations', () => {
    expect(clusterCheckModel.defaults.map((d) => d.label)).toEqual(Object.keys(expected));
  });

  for (const d of clusterCheckModel.defaults) {
    it(`${d.label}: every property holds or is reached, in ${expected[d.label]} states`, () => {
      const r = search(new ComposedSystem(clusterCheckModel.build({ ...filled, ...d.opts })), { strategy: 'bfs', continueAfterViolation: true });
      expect(allGood(r)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.states).toBe(expected[d.label]);
    }, 300_000);
  }
});

