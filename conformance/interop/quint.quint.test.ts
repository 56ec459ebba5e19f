/**
 * The Quint tier (`npm run test:quint`, not part of `npm test`): installs the Quint CLI
 * from npm into a temporary directory (never the project's node_modules), runs coordkit's
 * Quint spec of Paxos.tla (conformance/interop/quint/paxos.qnt) to produce real ITF
 * traces, and checks coordkit against them in both directions:
 * - 20 seeds of the correct spec: every trace imports (quint-paxos mapping) and fails no
 *   property, each property that can be judged without learners passes on some trace, and
 *   some traces choose a value (not vacuous);
 * - the planted bug (Phase2a without the value rule): Quint's own search finds an
 *   agreement violation, and coordkit reports agreement and accept-value on its trace;
 * - an exported coordkit counterexample (the ignore-promised-values mutant) is read by
 *   Quint's ITF reader, and the generated Quint run reaches the agreement violation under
 *   `quint test`; with the value rule on, the same run is refused at a Phase2a step.
 * Offline installs need the antlr4ts override and the TypeScript backend (the Rust one is
 * downloaded on first use).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failing, verifyRun } from '../checkers/test-support.ts';
import { builtinMappings } from './itf-mapping.ts';
import { importStates } from './itf-states.ts';

const QUINT_VERSION = '0.33.1';
const SPEC = resolve('conformance/interop/quint/paxos.qnt');
const MUTANT = 'traces/paxos/mutant-ignore-promised-values-seed3.fail.agreement+accept-value+refinement.jsonl';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const sh = promisify(execFile);

let dir = '';
const quint = async (args: string[]) => {
  try {
    const r = await sh(join(dir, 'node_modules/.bin/quint'), args, { cwd: dir, maxBuffer: 64 << 20 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
};
const importQuint = async (file: string) => {
  const text = await readFile(file, 'utf8');
  return importStates(JSON.parse(text), text, file, builtinMappings['quint-paxos'], { constants: { values: [1, 2] } });
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coordkit-quint-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'coordkit-quint-tier', private: true, overrides: { antlr4ts: '0.5.0-alpha.4' } }));
  await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `@informalsystems/quint@${QUINT_VERSION}`], { cwd: dir });
  await copyFile(SPEC, join(dir, 'paxos.qnt'));
}, 900_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`Quint ${QUINT_VERSION} and coordkit on Paxos`, () => {
  it('20 seeds of the correct spec: no trace fails a Paxos property, each property passes on some trace, and values get chosen', async () => {
    let chose = 0;
    const passedSomewhere = new Set<string>();
    for (const seed of SEEDS) {
      const out = join(dir, `correct-${seed}.itf.json`);
      const r = await quint(['run', '--backend', 'typescript', '--main', 'paxosCorrect', '--max-steps', '30', '--seed', String(seed), '--invariant', 'agreement', '--out-itf', out, 'paxos.qnt']);
      expect(r.code, r.out).toBe(0);
      const report = await verifyRun(await importQuint(out));
      expect(report.verdicts).toHaveLength(11);
      expect(report.verdicts.filter((v) => v.status === 'fail').map((v) => v.note)).toEqual([]);
      // No learners, so no decision: these two have nothing to judge in any run.
      for (const p of ['paxos.decide-chosen', 'paxos.learner-liveness']) expect(report.verdicts.find((v) => v.property === p)?.status).toBe('skip');
      for (const v of report.verdicts) if (v.status === 'pass') passedSomewhere.add(v.property);
      const agreement = report.verdicts.find((v) => v.property === 'paxos.decide-chosen');
      if (agreement && String(agreement.figures.chosen ?? '') !== '') chose++;
    }
    expect(passedSomewhere.size).toBe(9);
    expect(chose).toBeGreaterThan(0);
  }, 1_800_000);

  it('the planted bug: Quint finds an agreement violation and coordkit reports agreement and accept-value on its trace', async () => {
    for (const seed of [1, 2, 3]) {
      const out = join(dir, `buggy-${seed}.itf.json`);
      const r = await quint(['run', '--backend', 'typescript', '--main', 'paxosBuggy', '--max-steps', '20', '--max-samples', '5000', '--seed', String(seed), '--invariant', 'agreement', '--out-itf', out, 'paxos.qnt']);
      expect(r.out).toMatch(/\[violation\]/);
      expect(failing(await verifyRun(await importQuint(out)))).toEqual(expect.arrayContaining(['paxos.agreement', 'paxos.accept-value']));
    }
  }, 1_800_000);

  it("an exported coordkit counterexample is read by Quint's ITF reader and its Quint run reaches the agreement violation", async () => {
    const events = join(dir, 'cex.itf.json');
    const state = join(dir, 'cex-state.itf.json');
    const run = join(dir, 'replay.qnt');
    await sh('node', ['bin/coordkit.mjs', 'itf', 'export', MUTANT, '--out', events]);
    await sh('node', ['bin/coordkit.mjs', 'itf', 'export', MUTANT, '--as', 'paxos-state', '--out', state, '--quint-run', run, '--quint-value-rule', 'off']);
    const itf = await import(join(dir, 'node_modules/@informalsystems/quint/dist/src/itf.js')) as { ofItfNormalized: (t: unknown) => unknown[] };
    const eventsDoc = JSON.parse(await readFile(events, 'utf8'));
    expect(itf.ofItfNormalized(eventsDoc)).toHaveLength(eventsDoc.states.length);
    expect(itf.ofItfNormalized(JSON.parse(await readFile(state, 'utf8')))).toHaveLength(41);
    // the reader is strict where ITF is: a fractional number is refused
    expect(() => itf.ofItfNormalized({ ...eventsDoc, states: [{ event: 0.5 }] })).toThrow(RangeError);

    const passed = await quint(['test', '--backend', 'typescript', '--main', 'coordkit_replay', 'replay.qnt']);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).toMatch(/ok replayTest passed/);
    // control: against the correct spec the replay stops at the Phase2a that breaks the value rule
    await writeFile(run, (await readFile(run, 'utf8')).replace('ValueRule = false', 'ValueRule = true'));
    const refused = await quint(['test', '--backend', 'typescript', '--main', 'coordkit_replay', 'replay.qnt']);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/\.then\(Phase2a\(\d+, \d\)\)/);
  }, 900_000);
});
