/** Must-show: the kit's own balancers pass generated scenarios; every mutant is caught by them. */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import { kitTargets, mutantTargets } from '../libraries/index.ts';
import { searchLibrary } from './search.ts';

// npm test runs a smaller count; `coordkit thirdparty --self-test` runs 1,000 per policy.
const SCENARIOS = 100;
const SEED = 20261201;

describe("the harness on the kit's own balancers", () => {
  it(`each of the seven policies passes ${SCENARIOS} generated scenarios with no failing verdict`, async () => {
    for (const t of kitTargets().filter((x) => !/\.(crc32|md5)$/.test(x.id))) {
      const run = await searchLibrary(t, { budget: { scenarios: SCENARIOS, shrinkSeconds: 2 }, seed: SEED });
      expect(run.scenarios, t.id).toBe(SCENARIOS);
      const failing = run.properties.filter((p) => p.status === 'fail').map((p) => `${p.property}: ${p.found?.words} → ${p.found?.message}`);
      expect(failing, t.id).toEqual([]);
      // Something was judged: every policy-specific property passed in some scenario.
      expect(run.properties.filter((p) => p.status === 'pass').length, t.id).toBeGreaterThanOrEqual(4);
    }
  }, 120_000);

  it(`catches every one of the ${mutants.length} mutants with generated scenarios alone, each with a minimal scenario`, async () => {
    for (const t of mutantTargets()) {
      const m = mutants.find((x) => `mutant.${x.name}` === t.id)!;
      const run = await searchLibrary(t, { budget: { scenarios: 400, shrinkSeconds: 2 }, seed: SEED, stopWhen: (f) => f.has(m.breaks) });
      const p = run.properties.find((x) => x.property === m.breaks);
      expect(p?.status, `${m.name} caught by ${m.breaks}`).toBe('fail');
      expect(p?.found?.message, m.name).not.toMatch(/did not fail again/);
      expect(p?.found?.words.length, m.name).toBeGreaterThan(0);
    }
  }, 120_000);
});
