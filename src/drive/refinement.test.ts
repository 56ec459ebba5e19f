/**
 * The driver refines against the specification, not against one implementation: allowed
 * behaviour (another Phase2a value, a re-promise, a resend, a nack) passes and is listed;
 * forbidden behaviour is a divergence classified by the property it breaks; restarts,
 * --keep-going, replays and the implementation's own trace work as documented.
 */
import { describe, expect, it } from 'vitest';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { createPaxosNode, type PaxosVariant } from '../impl/paxos/nodes.ts';
import { highestAccepted } from '../impl/paxos/proposer.ts';
import type { PaxosNodeSpec } from '../impl/paxos/types.ts';
import { verifyItems } from '../../conformance/checkers/run.ts';
import { InProcessAdapter, type NodeFactory } from './in-process.ts';
import { drive, modelFor, savePath } from './modes.ts';
import { paxosBinding } from './paxos-binding.ts';
import { divergenceTrace, implementationTrace } from './report.ts';

const variant = (name: string, v: PaxosVariant, wrap?: (n: ReturnType<typeof createPaxosNode>, spec: PaxosNodeSpec) => void): InProcessAdapter => {
  const factory: NodeFactory = (spec) => {
    const n = createPaxosNode(spec as PaxosNodeSpec, v);
    wrap?.(n, spec as PaxosNodeSpec);
    return n;
  };
  return new InProcessAdapter(name, factory);
};

describe('allowed behaviour passes and is listed', () => {
  it('a proposer free to choose that proposes the other value passes, and the model follows its choice', async () => {
    const other = variant('other-value', { proposer: { choose: (p, own) => highestAccepted(p.values()) ?? (own === 'v1' ? 'v2' : 'v1') } });
    const r = await drive(paxosBinding, other, { mode: 'random', budget: 150, seed: 3 });
    expect(r.divergence).toBeNull();
    expect(Object.keys(r.allowed).some((k) => k.startsWith('Phase2a value'))).toBe(true);
  });

  it('an acceptor that answers a duplicate prepare again (>=) passes, with the re-promises and resends listed', async () => {
    const r = await drive(paxosBinding, new InProcessAdapter('m', paxosBinding.factory('acceptor-repromises-equal-ballot')), { mode: 'random', budget: 150 });
    expect(r.divergence).toBeNull();
    expect(r.allowed['re-promise of the promised ballot (Phase1b with >=)']).toBeGreaterThan(0);
  });

  it('a nack is listed as a no-obligation message, never a divergence', async () => {
    const nacking = variant('nacks', {}, (n) => {
      if (n.role !== 'acceptor') return;
      const handle = n.handle.bind(n);
      n.handle = (input) => {
        const out = handle(input);
        if (out.length === 0 && input.kind === 'receive') return [{ type: 'send', to: [input.from], msg: { type: 'nack', ballot: 0 } as never }];
        return out;
      };
    });
    const r = await drive(paxosBinding, nacking, { mode: 'random', budget: 100 });
    expect(r.divergence).toBeNull();
    expect(r.allowed['no-obligation nack message']).toBeGreaterThan(10);
  });

  it('a proposer that proposes a value outside the configuration is a safety divergence (accept-value does not apply: refinement)', async () => {
    const inventing = variant('invent', { proposer: { choose: () => 'v9' } });
    const r = await drive(paxosBinding, inventing, { mode: 'random', budget: 100 });
    expect(r.divergence?.node).toMatch(/^p/);
    expect(r.divergence?.what).toBe('outputs');
  });
});

describe('divergences are classified by the property they break', () => {
  it.each([
    ['acceptor-accepts-below-promise', 'safety', 'paxos.accept-respects-promise'],
    ['acceptor-hides-accepted', 'safety', 'paxos.promise-reports-vote'],
    ['proposer-ignores-promised-values', 'safety', 'paxos.accept-value'],
    ['proposer-minority-quorum', 'safety', 'paxos.accept-after-quorum'],
    ['learner-decides-on-first', 'safety', 'paxos.decide-chosen'],
    ['learner-ignores-ballot', 'conformance', 'paxos.refinement'],
  ])('%s is a %s divergence of %s', async (name, cls, property) => {
    const r = await drive(paxosBinding, new InProcessAdapter(name, paxosBinding.factory(name)), { mode: 'random', budget: 1000 });
    expect(r.divergence?.class).toBe(cls);
    expect(r.divergence?.property).toBe(property);
  });

  it('--keep-going lists both bugs of a doubly broken implementation instead of stopping at the first', async () => {
    const twice = variant('two-bugs', { acceptor: { mayAccept: () => true }, learner: { enough: (as) => as.length >= 1 } });
    const first = await drive(paxosBinding, twice, { mode: 'random', budget: 400 });
    expect(first.divergences).toHaveLength(1);
    const all = await drive(paxosBinding, twice, { mode: 'random', budget: 400, keepGoing: true });
    const properties = all.divergences.map((d) => d.divergence.property);
    expect(properties).toContain('paxos.accept-respects-promise');
    expect(properties).toContain('paxos.decide-chosen');
  });
});

describe('restarts', () => {
  const forgetful = () => variant('forgetful', {}, (n) => {
    if (n.role === 'acceptor') n.load = () => {};
  });

  it('an acceptor that forgets its promise on restart passes without restarts and is caught with them (promise-monotonic)', async () => {
    expect((await drive(paxosBinding, forgetful(), { mode: 'random', budget: 300, restarts: 0 })).divergence).toBeNull();
    const r = await drive(paxosBinding, forgetful(), { mode: 'random', budget: 300 });
    expect(r.restarts).toBe(1);
    expect(r.divergence?.class).toBe('safety');
    expect(r.divergence?.property).toBe('paxos.promise-monotonic');
  });

  it('the reference keeps up with two restarts per path in random walks and fast-check schedules', async () => {
    expect((await drive(paxosBinding, new InProcessAdapter('ref', paxosBinding.factory()), { mode: 'random', restarts: 2, budget: 200 })).divergence).toBeNull();
    expect((await drive(paxosBinding, new InProcessAdapter('ref', paxosBinding.factory()), { mode: 'fastcheck', budget: 200 })).divergence).toBeNull();
  });
});

describe('fast-check mode', () => {
  it('with the default seed, budget and length it catches an acceptor that accepts below its promise', async () => {
    const r = await drive(paxosBinding, new InProcessAdapter('m', paxosBinding.factory('acceptor-accepts-below-promise')), { mode: 'fastcheck' });
    expect(r.divergence?.property).toBe('paxos.accept-respects-promise');
  });
});

describe('what a divergence leaves behind', () => {
  it("--trace-out's trace is the implementation's run, which verify fails; the model's path passes", async () => {
    const r = await drive(paxosBinding, new InProcessAdapter('m', paxosBinding.factory('acceptor-accepts-below-promise')), { mode: 'random', budget: 500 });
    const d = r.divergence!;
    const system = modelFor(paxosBinding, r.size, r.restarts).system;
    const impl = await verifyItems(readTraceText(implementationTrace(system, d), 'impl.jsonl'), 'impl.jsonl');
    expect(impl.verdicts.find((v) => v.property === 'paxos.accept-respects-promise')?.status).toBe('fail');
    const model = await verifyItems(readTraceText(divergenceTrace(system, d), 'model.jsonl'), 'model.jsonl');
    expect(model.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
  });

  it('a saved path replays to the same divergence, and the reference keeps up on it', async () => {
    const name = 'learner-decides-on-first';
    const r = await drive(paxosBinding, new InProcessAdapter(name, paxosBinding.factory(name)), { mode: 'random', budget: 500 });
    const saved = JSON.parse(JSON.stringify(savePath(modelFor(paxosBinding, r.size, r.restarts).system, r, r.divergence!)));
    const again = await drive(paxosBinding, new InProcessAdapter(name, paxosBinding.factory(name)), { mode: 'replay', replay: saved });
    expect(again.divergence?.step).toBe(r.divergence!.step);
    expect(again.divergence?.property).toBe(r.divergence!.property);
    const ref = await drive(paxosBinding, new InProcessAdapter('ref', paxosBinding.factory()), { mode: 'replay', replay: saved });
    expect(ref.divergence).toBeNull();
    expect(ref.steps).toBe(saved.steps.length);
  });
});
