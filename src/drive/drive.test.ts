import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { verifyItems } from '../../conformance/checkers/run.ts';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { paxosMutants } from '../impl/paxos/mutants.ts';
import { InProcessAdapter, RoutedAdapter } from './in-process.ts';
import { killByTrace, killDriven, summarize } from './kill.ts';
import { traceMutants } from '../families.ts';
import { drive, modelFor } from './modes.ts';
import { paxosBinding } from './paxos-binding.ts';
import { divergenceTrace } from './report.ts';
import { StdioAdapter } from './stdio.ts';

const reference = () => new InProcessAdapter('reference', paxosBinding.factory());
const PYTHON = fileURLToPath(new URL('../../conformance/adapters/stdio/paxos_acceptor.py', import.meta.url));

describe('driver on the reference Paxos', () => {
  it('covers every edge of the explored small model without diverging', async () => {
    const r = await drive(paxosBinding, reference(), { mode: 'coverage' });
    expect(r.divergence).toBeNull();
    expect(r.coverage!.edges).toBeGreaterThan(1000);
    expect(r.coverage!.driven).toBe(r.coverage!.edges);
  });

  it('keeps up on random walks and fast-check schedules', async () => {
    expect((await drive(paxosBinding, reference(), { mode: 'random', budget: 300, maxSteps: 60 })).divergence).toBeNull();
    expect((await drive(paxosBinding, reference(), { mode: 'fastcheck', budget: 300 })).divergence).toBeNull();
  });
});

describe('mutants', () => {
  it('every Paxos mutant (the article included) is killed except the one Paxos allows (a re-promise), and the rate counts the balancer mutants', async () => {
    const driven = await killDriven(paxosBinding, paxosMutants.map((m) => m.name));
    const report = summarize([...driven, ...killByTrace(traceMutants())]);
    console.log(`kill rate ${report.killed}/${report.total}; paxos: ${driven.map((r) => `${r.name}<-${r.by}`).join(', ')}`);
    expect(driven.length).toBeGreaterThanOrEqual(8);
    expect(driven.filter((r) => r.equivalent).map((r) => r.name)).toEqual(['acceptor-repromises-equal-ballot']);
    expect(driven.filter((r) => !r.killed && !r.equivalent).map((r) => r.name)).toEqual([]);
    expect(report.equivalent).toBe(1);
    expect(report.rate).toBe(1);
  });

  it('fast-check shrinks a diverging schedule to a short one', async () => {
    const r = await drive(paxosBinding, new InProcessAdapter('m', paxosBinding.factory('proposer-minority-quorum')), { mode: 'fastcheck', budget: 500, seed: 7, restarts: 0 });
    expect(r.divergence).not.toBeNull();
    // Shortest possible is 3 steps (p starts, an acceptor takes prepare, p takes its promise);
    // shrinking choice lists gets within a few steps of it.
    expect(r.divergence!.path.length).toBeGreaterThanOrEqual(3);
    expect(r.divergence!.path.length).toBeLessThanOrEqual(6);
    expect(r.shrunk!.to).toBeLessThanOrEqual(r.shrunk!.from);
  });

  it('a divergence comes with the path as a well-formed trace of the model', async () => {
    const r = await drive(paxosBinding, new InProcessAdapter('m', paxosBinding.factory('acceptor-accepts-below-promise')), { mode: 'random', budget: 500, maxSteps: 60 });
    const d = r.divergence!;
    expect(d.description).toContain('ignores');
    const text = divergenceTrace(modelFor(paxosBinding, 'default', r.restarts).system, d);
    const report = await verifyItems(readTraceText(text, 'div.jsonl'), 'div.jsonl');
    expect(report.events).toBeGreaterThanOrEqual(d.path.length);
    expect(report.verdicts.filter((v) => v.status === 'fail')).toEqual([]);
  });
});

describe('JSON-lines adapter (Python acceptor)', () => {
  const routed = async (command: string) => {
    const foreign = new StdioAdapter(command);
    const hello = await foreign.hello();
    expect(hello.roles).toEqual(['acceptor']);
    return new RoutedAdapter(foreign, new Set(hello.roles), reference());
  };

  it('the correct Python acceptor follows the model', async () => {
    const a = await routed(`python3 ${PYTHON}`);
    try {
      const r = await drive(paxosBinding, a, { mode: 'random', budget: 60, maxSteps: 50 });
      expect(r.divergence).toBeNull();
      expect(r.steps).toBeGreaterThan(1000);
    } finally {
      await a.close();
    }
  });

  it('the broken Python acceptor is caught', async () => {
    const a = await routed(`python3 ${PYTHON} --bug accept-below-promise`);
    try {
      const r = await drive(paxosBinding, a, { mode: 'random', budget: 300, maxSteps: 60 });
      expect(r.divergence?.node).toMatch(/^a/);
      expect(r.divergence?.what).toBe('outputs');
    } finally {
      await a.close();
    }
  });

  it('a process that breaks the protocol is reported as an error, not a crash', async () => {
    const a = new StdioAdapter(`python3 -c "import sys
for line in sys.stdin: print('not json', flush=True)"`);
    await expect(a.hello()).rejects.toThrow(/not JSON/);
    await a.close();
    const dead = new StdioAdapter('python3 -c "pass"');
    const r = await drive(paxosBinding, dead, { mode: 'random', budget: 1 });
    expect(r.divergence?.what).toBe('error');
    await dead.close();
  });
});
