/** `coordkit itf`: output paths, full disks, hostile ITF input, mappings, Quint runs, as a user runs them. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITF_EPILOGUE, itfPrologue, itfState, valueTypeOf } from '../../../conformance/interop/itf-events.ts';
import { readTraceFile } from '../../../conformance/schema/reader.ts';
import { runCli } from '../testing/run-cli.ts';

/** The ITF export of SRC, written in-process (each CLI run costs a Node start-up). */
async function exported(dir: string): Promise<string> {
  let text = '';
  let i = 0;
  let vt: ReturnType<typeof valueTypeOf> = 'Str';
  for await (const item of readTraceFile(SRC)) {
    if (item.kind === 'header') { vt = valueTypeOf(item.header); text += itfPrologue(item.header); }
    else text += `${i > 0 ? ',' : ''}\n${itfState(item.event, i++, vt)}`;
  }
  const file = join(dir, 't.itf.json');
  await writeFile(file, `${text}\n${ITF_EPILOGUE}`);
  return file;
}

const SRC = 'traces/paxos/correct-seed1.pass.jsonl';
const MUTANT = 'traces/paxos/mutant-ignore-promised-values-seed3.fail.agreement+accept-value+refinement.jsonl';
const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/at .*\.ts:\d+/);
};

describe('coordkit itf', () => {
  it('exits 2 with one line, before any work, when --out names a missing directory (export and import)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const missing = join(dir, 'no', 'such', 'x.json');
    const exp = await runCli(['itf', 'export', SRC, '--out', missing]);
    expect(exp.code).toBe(2);
    expect(exp.stderr).toMatch(/cannot write: ENOENT/);
    oneLine(exp.stderr);
    const itf = await exported(dir);
    const imp = await runCli(['itf', 'import', itf, '--out', missing]);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/cannot write: ENOENT/);
    oneLine(imp.stderr);
  }, 180_000);

  it.runIf(existsSync('/dev/full'))('exits 2 with one line on a full disk (/dev/full), never 0 having written nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const itf = await exported(dir);
    for (const args of [['itf', 'export', SRC, '--out', '/dev/full'], ['itf', 'import', itf, '--out', '/dev/full']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\/dev\/full: cannot write: ENOSPC/);
      oneLine(r.stderr);
    }
  }, 180_000);

  it('refuses {"#bigint": ""} and 5,000 levels of nesting with file, line and field (exit 2; "0x10" in itf-events.test.ts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const text = await readFile(await exported(dir), 'utf8');
    for (const bad of ['']) {
      const f = join(dir, `bad${bad}.itf.json`);
      await writeFile(f, text.replace('"seq":{"#bigint":"3"}', `"seq":{"#bigint":"${bad}"}`));
      const r = await runCli(['itf', 'import', f]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`coordkit: ${f}:4: states.2.event.value.seq.#bigint: #bigint must be a decimal integer in a string ("-12", "0"), got "${bad}"`);
    }
    const deep = join(dir, 'deep.itf.json');
    const doc = JSON.parse(text);
    doc.states[0].event.value.node = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await writeFile(deep, JSON.stringify(doc).replace(`"${doc.states[0].event.value.node}"`, doc.states[0].event.value.node));
    const r = await runCli(['itf', 'import', deep]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nested deeper than 200 levels/);
    oneLine(r.stderr);
  }, 180_000);

  it('imports the committed Quint trace through a mapping file (constants included), states the renumbering, and verify passes it (exit 0)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const out = join(dir, 'q.jsonl');
    const r = await runCli(['itf', 'import', 'traces/itf/quint-paxos-seed1.itf.json', '--mapping', 'traces/itf/quint-paxos.mapping.json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: ballots renumbered in order .*9007199254740993 -> 2/);
    expect((await runCli(['verify', out])).code).toBe(0);
    const bad = await runCli(['itf', 'import', 'traces/itf/quint-paxos-seed1.itf.json', '--mapping', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no mapping "nope"/);
  }, 180_000);

  it('exports the Paxos.tla state and a Quint run (with paxos.qnt beside it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const run = join(dir, 'replay.qnt');
    const r = await runCli(['itf', 'export', MUTANT, '--as', 'paxos-state', '--out', join(dir, 's.itf.json'), '--quint-run', run, '--quint-value-rule', 'off']);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 's.itf.json'), 'utf8')).states).toHaveLength(41);
    expect(await readFile(run, 'utf8')).toContain('ValueRule = false');
    expect(existsSync(join(dir, 'paxos.qnt'))).toBe(true);
  }, 180_000);
});
