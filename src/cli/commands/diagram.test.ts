import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { register } from './diagram.ts';
import { UserError } from '../errors.ts';
import { machines } from '../../../models/index.ts';

async function run(...args: string[]): Promise<string> {
  const program = new Command('coordkit').exitOverride();
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'coordkit', 'diagram', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'coordkit-diagram-'));
afterEach(() => vi.restoreAllMocks());

describe('coordkit diagram', () => {
  it('lists the registered machines, also as JSON', async () => {
    expect(JSON.parse(await run('--list', '--json')).map((m: { name: string }) => m.name)).toEqual(machines.map((m) => m.name));
  });

  it('draws a registered machine in each format', async () => {
    const name = machines[0].name;
    expect(await run(name)).toMatch(/^stateDiagram-v2\n/);
    expect(await run(name, '--format', 'dot')).toMatch(/^digraph /);
    const file = join(dir, 'm.svg');
    await run(name, '--format', 'svg', '--out', file);
    expect(readFileSync(file, 'utf8')).toContain('<svg');
  });

  it('unknown model or format: a UserError naming the valid choices', async () => {
    await expect(run('no-such-model')).rejects.toThrow(UserError);
    await expect(run('no-such-model')).rejects.toThrow(machines[0].name);
    await expect(run(machines[0].name, '--format', 'png')).rejects.toMatchObject({ message: "expected one of mermaid, dot, svg, got 'png'", where: { field: '--format' } });
    await expect(run('--trace', 'x.jsonl', '--max', '0')).rejects.toMatchObject({ message: "expected a whole number from 1 to 100000, got '0'", where: { field: '--max' } });
  });

  it('draws a trace as a sequence diagram; a bad trace names file and line', async () => {
    const header = { type: 'header', format: 'coordkit-trace', version: 1, producer: { name: 't' }, protocol: 'paxos', config: { proposers: ['p1'], acceptors: ['a1'], values: ['v'] } };
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, [header, { seq: 1, node: 'p1', kind: 'send', to: 'a1', msg: { type: 'prepare', ballot: 1 } }, { seq: 2, node: 'a1', kind: 'crash' }].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const text = await run('--trace', good);
    expect(text).toMatch(/^sequenceDiagram\n/);
    expect(text).toContain('p0->>p1: 1. prepare ballot=1');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(header)}\n{"seq":1,"node":"p1","kind":"nope"}\n`);
    const err = await run('--trace', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).format()).toContain(`${bad}:2`);
  });
});

describe('coordkit diagram --all', () => {
  it('hides the 23 discard-only transitions of cluster-server by default and draws them with --all', async () => {
    const plain = await run('cluster-server', '--format', 'dot');
    const all = await run('cluster-server', '--format', 'dot', '--all');
    expect(plain.match(/\/ discard</g)).toBeNull();
    expect(all.match(/\/ discard</g)).toHaveLength(23);
    expect(await run('cluster-server', '--format', 'dot', '--no-legend')).not.toContain('Legend');
  });
});
