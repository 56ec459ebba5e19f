import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../src/explore/compose.ts';
import { search } from '../../src/explore/search.ts';
import { checkLiveness } from '../../src/explore/liveness.ts';
import { clusterSystem, type ClusterConfig } from './system.ts';
import { sessionSystem } from './session-system.ts';
import { clusterMutants, sessionMutants } from './mutants.ts';
import type { AnyStateMachine } from 'xstate';

/** The status of property `name` of the cluster system: an invariant's from the search, a liveness property's from the whole graph. */
function statusOf(config: Omit<ClusterConfig, 'server'>, name: string, server?: AnyStateMachine): { status: string; message?: string } {
  const spec = clusterSystem({ ...config, server });
  const system = new ComposedSystem(spec);
  const r = search(system, { strategy: 'bfs', continueAfterViolation: true });
  const live = spec.liveness?.filter((p) => p.name === name) ?? [];
  if (live.length > 0) {
    expect(r.complete).toBe(true);
    return checkLiveness(system, r.store, live, spec.fairness)[0];
  }
  return r.properties.find((x) => x.name === name)!;
}

describe('cluster mutants: each is caught by the property it breaks', () => {
  for (const m of clusterMutants) {
    it(`${m.name} violates ${m.kills}`, () => {
      const p = statusOf(m.config, m.kills, m.machine);
      expect(p.status, p.message).toBe('violated');
      // The same configuration passes with the specification's machine.
      expect(statusOf(m.config, m.kills).status).toBe('holds');
    }, 300_000);
  }
});

describe('session mutants: each is caught by the property it breaks', () => {
  for (const m of sessionMutants) {
    it(`${m.name} violates ${m.kills}`, () => {
      const r = search(new ComposedSystem(sessionSystem({ ...m.config, tracker: m.machine })), { strategy: 'bfs', continueAfterViolation: true });
      expect(r.properties.find((x) => x.name === m.kills)!.status).toBe('violated');
      const ok = search(new ComposedSystem(sessionSystem(m.config)), { strategy: 'bfs' });
      expect(ok.properties.every((x) => x.status === 'holds' || x.status === 'reached')).toBe(true);
    });
  }
});
