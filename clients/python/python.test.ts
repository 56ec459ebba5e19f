/**
 * The Python client under npm test: its unit tests (python3 -m unittest), and the example
 * multi-role Paxos node (clients/python/examples/paxos_node.py) against `drive` in every
 * path mode and against `verify` on seeded recorded runs, correct and with each planted
 * bug. Skipped, saying so, only when python3 is absent. Parts that need the verify
 * branch (re-promises accepted by verify's checkers, nack in the trace schema, the
 * learner-liveness property) probe for it and say what they wait for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyItems } from '../../conformance/checkers/run.ts';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { traceEvent } from '../../conformance/schema/trace.ts';
import { openStdio } from '../../src/drive/foreign.ts';
import { drive, type PathMode } from '../../src/drive/modes.ts';
import { paxosBinding } from '../../src/drive/paxos-binding.ts';

const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.warn('clients/python tests skipped: python3 is not installed (apt-get install python3)');
const NODE = 'clients/python/examples/paxos_node.py';

/** Records `seeds` runs of the example (with `bug`, and extra recorder flags) and verifies each; failing properties per file. */
async function recordAndVerify(args: string[]): Promise<{ file: string; failed: string[]; properties: string[] }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'coordkit-py-'));
  execFileSync('python3', [NODE, 'record', '--out', dir, ...args]);
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const r = await verifyItems(readTraceText(readFileSync(join(dir, f), 'utf8'), f), f);
    out.push({ file: f, failed: r.verdicts.filter((v) => v.status === 'fail').map((v) => v.property), properties: r.verdicts.map((v) => v.property) });
  }
  return out;
}

async function verifyText(lines: object[]) {
  const text = lines.map((l) => JSON.stringify(l)).join('\n');
  return verifyItems(readTraceText(text, 'probe.jsonl'), 'probe.jsonl');
}
const HEADER = { type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'probe' }, config: { acceptors: ['a1', 'a2', 'a3'], proposers: ['p1'], learners: ['l1'], values: ['v1'] } };
/** Does verify (the verify branch's work) accept a re-promise of the same ballot? */
const verifyAcceptsRepromise = async () => {
  const r = await verifyText([HEADER,
    { seq: 1, node: 'p1', kind: 'send', to: ['a1'], msg: { type: 'prepare', ballot: 0 } },
    { seq: 2, node: 'a1', kind: 'receive', from: 'p1', msg: { type: 'prepare', ballot: 0 } },
    { seq: 3, node: 'a1', kind: 'send', to: ['p1'], msg: { type: 'promise', ballot: 0, acceptedBallot: null, acceptedValue: null } },
    { seq: 4, node: 'a1', kind: 'receive', from: 'p1', msg: { type: 'prepare', ballot: 0 } },
    { seq: 5, node: 'a1', kind: 'send', to: ['p1'], msg: { type: 'promise', ballot: 0, acceptedBallot: null, acceptedValue: null } }]);
  return !r.verdicts.some((v) => v.status === 'fail');
};
const nackInSchema = traceEvent.safeParse({ seq: 1, node: 'a1', kind: 'send', to: ['p1'], msg: { type: 'nack', ballot: 0 } }).success;

describe.skipIf(!python)('Python client (clients/python)', () => {
  it('its unit tests pass (python3 -m unittest)', () => {
    const r = spawnSync('python3', ['-m', 'unittest', 'discover', '-s', 'clients/python/tests', '-t', 'clients/python'], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/\nOK\n?$/);
    expect(r.status).toBe(0);
  });

  it.each([
    ['coverage', 80],
    ['random', 50],
    ['fastcheck', 60],
  ] as [PathMode, number][])('the example node passes drive in %s mode (%i paths), with nacks and re-promises listed as allowed', async (mode, budget) => {
    const { adapter } = await openStdio(paxosBinding, `python3 ${NODE}`);
    try {
      const r = await drive(paxosBinding, adapter, { mode, budget });
      expect(r.divergence).toBeNull();
      expect(r.stepsUnderTest).toBeGreaterThan(1000);
      expect(r.allowed['no-obligation nack message'] ?? 0).toBeGreaterThan(0);
    } finally {
      await adapter.close();
    }
  });

  it.each([
    ['accept-below-promise', 'safety', 'paxos.accept-respects-promise'],
    ['ignore-promised-values', 'safety', 'paxos.accept-value'],
    ['decide-without-quorum', 'safety', 'paxos.decide-chosen'],
    ['promise-omits-value', 'safety', 'paxos.promise-reports-vote'],
    ['learner-latest-ballot-only', 'liveness', 'paxos.learner-liveness'],
  ])('drive catches the planted bug %s as a %s divergence of %s', async (bug, cls, property) => {
    const { adapter } = await openStdio(paxosBinding, `python3 ${NODE} --bug ${bug}`);
    try {
      let r = await drive(paxosBinding, adapter, { mode: 'random', budget: 400 });
      if (!r.divergence) r = await drive(paxosBinding, adapter, { mode: 'fastcheck', budget: 400 });
      expect(r.divergence?.class).toBe(cls);
      expect(r.divergence?.property).toBe(property);
    } finally {
      await adapter.close();
    }
  });

  it('verify: 20 seeded recorded runs with loss, duplication and delay have no failure, once verify accepts re-promises', async (ctx) => {
    if (!(await verifyAcceptsRepromise())) ctx.skip('waiting for the paxos-verify branch: verify still fails a re-promise of the same ballot');
    const runs = await recordAndVerify(['--seeds', '1-20', ...(nackInSchema ? [] : ['--no-nacks'])]);
    expect(runs).toHaveLength(20);
    expect(runs.filter((r) => r.failed.length > 0)).toEqual([]);
  });

  it.each([
    ['accept-below-promise', ['paxos.accept-respects-promise']],
    ['ignore-promised-values', ['paxos.accept-value']],
    ['decide-without-quorum', ['paxos.decide-chosen']],
    ['promise-omits-value', ['paxos.agreement', 'paxos.promise-reports-vote']],
  ])('verify catches the planted bug %s in some of 20 seeded runs by a named safety property', async (bug, properties) => {
    const runs = await recordAndVerify(['--seeds', '1-20', '--bug', bug, '--no-nacks']);
    const caught = runs.filter((r) => r.failed.some((p) => properties.includes(p)));
    expect(caught.length).toBeGreaterThan(0);
  });

  it('verify catches the latest-ballot-only learner by paxos.learner-liveness, and not the correct learner, once the property exists', async (ctx) => {
    const args = ['--seeds', '1-20', '--slow-accepted', '12', '--no-nacks'];
    const bad = await recordAndVerify([...args, '--bug', 'learner-latest-ballot-only']);
    if (!bad[0].properties.includes('paxos.learner-liveness')) ctx.skip('waiting for the paxos-verify branch: verify has no paxos.learner-liveness property yet');
    expect(bad.filter((r) => r.failed.includes('paxos.learner-liveness')).length).toBeGreaterThan(0);
    const good = await recordAndVerify(args);
    expect(good.filter((r) => r.failed.includes('paxos.learner-liveness'))).toEqual([]);
  });
});
