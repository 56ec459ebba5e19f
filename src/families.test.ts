/**
 * The families table is the single source: what `check`, `verify`, `drive`, `diagram` and
 * `all` know is exactly what its rows name, and the two lookups that must stay below the
 * CLI (checkers by protocol, drive bindings) agree with it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkersFor } from '../conformance/checkers/registry.ts';
import { readTraceTextSync } from '../conformance/schema/reader.ts';
import type { TraceHeader } from '../conformance/schema/trace.ts';
import { clusterMutants, sessionMutants } from '../models/cluster/mutants.ts';
import { NO_CLUSTER_FAULTS, type ClusterFaults } from '../models/cluster/system.ts';
import { bindings as driveBindings } from './drive/bindings.ts';
import { defaultPlan } from './cli/all/run.ts';
import { catchTraceMutant } from './cli/all/trace-mutants.ts';
import { checkModels, withDefaults } from './cli/check/models.ts';
import { faultsFlag, parseFaults } from './cli/commands/check-cluster.ts';
import { bindings, families, machines } from './families.ts';

const root = new URL('../', import.meta.url).pathname;

/** Every trace file under a directory, recursively. */
function tracesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
    .map((e) => join(e.parentPath, e.name));
}

function headerOf(file: string): TraceHeader {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0];
  const [item] = readTraceTextSync(first, file);
  if (item.kind !== 'header') throw new Error(`${file}: no header`);
  return item.header;
}

const plan = defaultPlan({ tracesRoot: join(root, 'traces'), mutants: true, outDir: 'out' });

describe('the protocol families table', () => {
  it('has the three families, each named once', () => {
    expect(families.map((f) => f.name)).toEqual(['paxos', 'cluster', 'balancer']);
  });

  for (const family of families) {
    describe(family.name, () => {
      it('has machines of its own family, checkers, and mutants', () => {
        expect(family.machines.length).toBeGreaterThan(0);
        for (const m of family.machines) expect(m.family).toBe(family.name);
        expect(family.mutants.length).toBeGreaterThan(0);
      });

      it('bundles traces of its protocol, judged by its checkers (the same ones verify builds)', () => {
        const files = tracesUnder(join(root, family.traces));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          const header = headerOf(file);
          expect(header.protocol, file).toBe(family.name);
          const own = (family.checkers as (h: TraceHeader) => { name: string }[])(header).map((c) => c.name);
          expect(own.length, file).toBeGreaterThan(0);
          expect(checkersFor(header).map((c) => c.name), file).toEqual(own);
        }
      });

      it('is what check, diagram and drive know of it', () => {
        for (const model of family.checks) expect(checkModels).toContain(model);
        for (const m of family.machines) expect(machines).toContain(m);
        expect(bindings[family.name]).toBe(family.binding);
        expect(driveBindings[family.name]).toBe(family.binding);
      });

      it("has every configuration and every mutant in coordkit all's plan", () => {
        const planned = plan.checks.map((c) => c.config);
        for (const model of family.checks) {
          for (const d of model.defaults) expect(planned).toContainEqual({ model: model.name, label: d.label, opts: d.opts });
        }
        for (const mutant of family.mutants) expect(plan.mutants).toContainEqual({ family: family.name, mutant });
      });
    });
  }

  it('is all that check, diagram, drive and all know', () => {
    expect(checkModels).toEqual(families.flatMap((f) => f.checks));
    expect(machines).toEqual(families.flatMap((f) => f.machines));
    expect(Object.keys(driveBindings).sort()).toEqual(Object.keys(bindings).sort());
    expect(plan.mutants).toHaveLength(families.reduce((n, f) => n + f.mutants.length, 0));
  });

  it('gives each model mutant a check model of its own family that takes it as --mutant', () => {
    for (const family of families) {
      for (const m of family.mutants) {
        if (m.kind !== 'model') continue;
        const model = family.checks.find((c) => c.name === m.model);
        expect(model, `${m.name}: check model ${m.model}`).toBeDefined();
        expect(m.runs.length).toBeGreaterThan(0);
        for (const run of m.runs) expect(() => model!.build(withDefaults(model!, { ...run.opts, mutant: m.name }))).not.toThrow();
      }
    }
  });

  it('runs each cluster and session mutant on the configuration it is caught in (8 + 4), the open clock included', () => {
    const cluster = families.find((f) => f.name === 'cluster')!;
    const runs = new Map(cluster.mutants.map((m) => [m.name, m.kind === 'model' ? m.runs[0].opts : undefined]));
    expect(runs.size).toBe(12);
    for (const m of clusterMutants) {
      const { faults, ...rest } = runs.get(m.name)!;
      const clock = m.config.openClock ? { openClock: true } : {};
      expect({ ...rest, faults: parseFaults(String(faults)) }).toEqual({ servers: m.config.servers, syncLimit: m.config.syncLimit, maxTicks: m.config.maxTicks, faults: m.config.faults, ...clock });
    }
    for (const m of sessionMutants) expect(runs.get(m.name)).toEqual({ sessions: m.config.sessions, sessionTimeout: m.config.timeout, maxTicks: m.config.maxTicks });
  });

  it('catches every balancer mutant by the property it names, on the trace it records (19)', () => {
    const balancer = families.find((f) => f.name === 'balancer')!;
    expect(balancer.mutants).toHaveLength(19);
    for (const m of balancer.mutants) {
      if (m.kind !== 'trace') throw new Error(`${m.name}: a balancer mutant is judged on its trace`);
      const outcome = catchTraceMutant('balancer', m);
      expect(outcome.asExpected, `${m.name}: ${outcome.detail}`).toBe(true);
    }
  }, 120_000);
});

describe('--faults written back from budgets', () => {
  const budget = fc.integer({ min: 0, max: 15 });
  test.prop([fc.record({ crashes: budget, restarts: budget, partitions: budget, losses: budget, duplicates: budget, pauses: budget })])(
    'parseFaults reads faultsFlag back as the same budgets (a restart implies a crash)',
    (faults: ClusterFaults) => {
      const expected = faults.restarts > 0 && faults.crashes === 0 ? { ...faults, crashes: faults.restarts } : faults;
      expect(parseFaults(faultsFlag(faults))).toEqual(expected);
    },
  );

  it('writes no faults as "none"', () => {
    expect(faultsFlag(NO_CLUSTER_FAULTS)).toBe('none');
    expect(faultsFlag({ ...NO_CLUSTER_FAULTS, crashes: 1, losses: 2 })).toBe('crash,loss:2');
  });
});
