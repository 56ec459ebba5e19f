import { describe, expect, it } from 'vitest';
import { ComposedSystem } from '../../src/explore/compose.ts';
import { search } from '../../src/explore/search.ts';
import { clusterSystem } from './system.ts';
import { sessionSystem } from './session-system.ts';
import { clusterMutants, sessionMutants } from './mutants.ts';

describe('cluster mutants: each is caught by the property it breaks', () => {
  for (const m of clusterMutants) {
    it(`${m.name} violates ${m.kills}`, () => {
      const r = search(new ComposedSystem(clusterSystem({ ...m.config, server: m.machine })), { strategy: 'bfs', continueAfterViolation: true });
      const p = r.properties.find((x) => x.name === m.kills)!;
      expect(p.status, p.message).toBe('violated');
      // The same configuration passes with the specification's machine.
      const ok = search(new ComposedSystem(clusterSystem(m.config)), { strategy: 'bfs' });
      expect(ok.properties.find((x) => x.name === m.kills)!.status).toBe('holds');
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
