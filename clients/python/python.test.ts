/**
 * The Python client under npm test: its unit tests (python3 -m unittest), and the example
 * multi-role Paxos node (clients/python/examples/paxos_node.py) against `drive` in every
 * path mode and against `verify` on seeded recorded runs, correct and with each planted
 * bug. Skipped, saying so, only when python3 is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyItems } from '../../conformance/checkers/run.ts';
import { readTraceText } from '../../conformance/schema/reader.ts';
import { openStdio } from '../../src/drive/foreign.ts';
import { drive, type PathMode } from '../../src/drive/modes.ts';
import { paxosBinding } from '../../src/drive/paxos-binding.ts';

const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.warn('clients/python tests skipped: python3 is not installed (apt-get install python3)');
const NODE = 'clients/python/examples/paxos_node.py';

/** Records `seeds` runs of the example (with `bug`, and extra recorder flags) and verifies each; failing properties per file. */
async function recordAndVerify(args: string[]): Promise<{ file: string; failed: string[] }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'coordkit-py-'));
  execFileSync('python3', [NODE, 'record', '--out', dir, ...args]);
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const r = await verifyItems(readTraceText(readFileSync(join(dir, f), 'utf8'), f), f);
    out.push({ file: f, failed: r.verdicts.filter((v) => v.status === 'fail').map((v) => v.property) });
  }
  return out;
}

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

  it('verify: 20 seeded recorded runs with loss, duplication, delay, nacks and a restart have no failure of any class', async () => {
    const runs = await recordAndVerify(['--seeds', '1-20']);
    expect(runs).toHaveLength(20);
    expect(runs.filter((r) => r.failed.length > 0)).toEqual([]);
  });

  it.each([
    ['accept-below-promise', ['paxos.accept-respects-promise']],
    ['ignore-promised-values', ['paxos.accept-value']],
    ['decide-without-quorum', ['paxos.decide-chosen']],
    ['promise-omits-value', ['paxos.promise-reports-vote']],
  ])('verify catches the planted bug %s in some of 20 seeded runs by a named safety property', async (bug, properties) => {
    const runs = await recordAndVerify(['--seeds', '1-20', '--bug', bug]);
    const caught = runs.filter((r) => r.failed.some((p) => properties.includes(p)));
    expect(caught.length).toBeGreaterThan(0);
  });

  it('verify catches the latest-ballot-only learner by paxos.learner-liveness (slow accepted messages, 20 seeds), and not the correct learner', async () => {
    const args = ['--seeds', '1-20', '--slow-accepted', '12'];
    const bad = await recordAndVerify([...args, '--bug', 'learner-latest-ballot-only']);
    expect(bad.filter((r) => r.failed.includes('paxos.learner-liveness')).length).toBeGreaterThan(0);
    const good = await recordAndVerify(args);
    expect(good.filter((r) => r.failed.includes('paxos.learner-liveness'))).toEqual([]);
  });
});
