import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { policies } from '../../src/impl/balancer/index.ts';
import { workloadSteps, type WorkloadSpec } from '../../src/impl/balancer/workload.ts';
import type { Policy } from '../../src/impl/balancer/types.ts';
import { balancerMachines, machineByPolicy } from './registry.ts';
import type { BalancerEmitted } from './define.ts';
import type { HashName } from './hash-functions.ts';

const specArb: fc.Arbitrary<WorkloadSpec> = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
    picks: fc.integer({ min: 1, max: 60 }),
    keys: fc.integer({ min: 1, max: 20 }),
    maxInflight: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    dropAt: fc.integer({ min: 0, max: 60 }),
    addAt: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ weights, picks, keys, maxInflight, seed, dropAt, addAt }) => {
    const backends = weights.map((w, i) => ({ id: `b${i + 1}`, weight: w }));
    const dropped = backends.length > 1 ? backends.slice(1) : backends;
    return {
      backends, picks, keys, maxInflight, seed,
      changes: [
        { atPick: Math.min(dropAt, addAt), backends: dropped },
        { atPick: Math.max(dropAt, addAt), backends: [...dropped, { id: 'bx', weight: 2 }] },
      ],
    };
  });

/** Runs the workload through the XState model and returns its emitted decisions. */
function modelDecisions(policy: Policy, spec: WorkloadSpec, hash?: HashName): BalancerEmitted[] {
  const actor = createActor(machineByPolicy[policy], { input: { backends: spec.backends, seed: spec.seed, hash } });
  const out: BalancerEmitted[] = [];
  actor.on('*', (e) => out.push(e as BalancerEmitted));
  actor.start();
  for (const s of workloadSteps(spec)) {
    if (s.op === 'pick') actor.send({ type: 'PICK', request: s.request, key: s.key });
    else if (s.op === 'done') actor.send({ type: 'DONE', request: s.request });
    else actor.send({ type: 'MEMBERSHIP', backends: s.backends });
  }
  return out;
}

function implDecisions(policy: Policy, spec: WorkloadSpec, hash?: HashName): BalancerEmitted[] {
  const b = policies[policy](spec.backends, spec.seed, { hash });
  const out: BalancerEmitted[] = [];
  for (const s of workloadSteps(spec)) {
    if (s.op === 'pick') {
      const d = b.pick(s.request, s.key);
      out.push({ type: 'pick', request: s.request, backend: d.backend, ...(d.candidates ? { candidates: d.candidates } : {}) });
    } else if (s.op === 'done') b.done(s.request);
    else b.setBackends(s.backends);
  }
  return out;
}

describe('balancer models', () => {
  it('are seven, one per policy', () => {
    expect(balancerMachines.map((m) => m.name).sort()).toEqual(Object.keys(machineByPolicy).map((p) => `balancer-${p}`).sort());
  });

  for (const policy of Object.keys(machineByPolicy) as Policy[]) {
    test.prop([specArb], { numRuns: 40 })(`${policy}: the model and the implementation make the same decisions`, (spec) => {
      expect(modelDecisions(policy, spec)).toEqual(implDecisions(policy, spec));
    });
  }

  for (const policy of ['hash', 'consistent-hash'] as const) {
    test.prop([specArb, fc.constantFrom<HashName>('crc32', 'md5')], { numRuns: 15 })(`${policy} with CRC-32 or MD5: model and implementation make the same decisions`, (spec, hash) => {
      expect(modelDecisions(policy, spec, hash)).toEqual(implDecisions(policy, spec, hash));
    });
  }

  it('a model that disagrees with its implementation is noticed (round robin vs random)', () => {
    const spec: WorkloadSpec = { backends: [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }], picks: 30, keys: 5, maxInflight: 3, seed: 1, changes: [] };
    expect(modelDecisions('round-robin', spec)).not.toEqual(implDecisions('random', spec));
  });

  it('rejects picks with no backends and serves again when backends return', () => {
    const actor = createActor(machineByPolicy['round-robin'], { input: { backends: [{ id: 'a', weight: 1 }] } });
    const out: BalancerEmitted[] = [];
    actor.on('*', (e) => out.push(e as BalancerEmitted));
    actor.start();
    actor.send({ type: 'MEMBERSHIP', backends: [] });
    expect(actor.getSnapshot().value).toBe('empty');
    actor.send({ type: 'PICK', request: 'r1' });
    actor.send({ type: 'MEMBERSHIP', backends: [{ id: 'z', weight: 1 }] });
    actor.send({ type: 'PICK', request: 'r2' });
    expect(out).toEqual([{ type: 'rejected', request: 'r1' }, { type: 'pick', request: 'r2', backend: 'z' }]);
  });

  it('names its choosing action so diagrams show it', () => {
    const json = JSON.stringify(machineByPolicy['power-of-two'].root.definition);
    expect(json).toContain('sampleTwoServeLessLoaded');
    expect(json).toContain('countInflight');
    expect(json).toContain('leavesNoBackends');
  });
});
