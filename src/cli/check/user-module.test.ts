import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { loadUserSystem, looksLikeModulePath, parseParam } from './user-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'coordkit-user-module-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

describe('loading a user module for `coordkit check`', () => {
  it('refuses a missing file, a directory, an unknown extension, a module exporting no system, a non-system export and a throwing module, each as a user error naming the file', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'nope.ts'), /nope\.ts: no such file/],
      [dir, /not a file/],
      [file('data.json', '{}'), /cannot load '\.json'/],
      [file('none.mjs', 'export const x = 1;'), /exports no system/],
      [file('number.mjs', 'export default 42;'), /default export is not a system/],
      [file('throws.mjs', 'throw new Error("boom\\nsecond line");'), /cannot load the module: boom$/],
      [file('fn.mjs', 'export default () => { throw new Error("bad params"); };'), /the exported function failed: bad params/],
    ];
    for (const [path, message] of cases) {
      const err = await loadUserSystem(path).catch((e: Error & { format(): string }) => e.format());
      expect(err).toMatch(message);
    }
  });

  it('passes --param values to an exported function, and refuses them for a plain system', async () => {
    const spec = await loadUserSystem('examples/two-phase-commit/system.ts', { participants: '3', crashes: '0' });
    expect(spec.name).toBe('two-phase-commit(participants=3, crashes=0)');
    const plain = file('plain.mjs', `export const system = { name: 's', actors: [], properties: [], traceHeader() {} };`);
    await expect(loadUserSystem(plain, { a: '1' })).rejects.toThrow(/--param given, but the module exports a system/);
    expect(parseParam('k=v=w', { a: '1' })).toEqual({ a: '1', k: 'v=w' });
    expect(() => parseParam('novalue')).toThrow(/key=value/);
  });

  it('tells module paths from bundled model names', () => {
    expect(['./x.ts', 'a/b.mjs', 'x.js', 'paxos', 'cluster'].map(looksLikeModulePath)).toEqual([true, true, true, false, false]);
  });

  it('names the place of a syntax error in a TypeScript module (line 1, column 27) on one line, not just "Transform failed with 1 error:"', async () => {
    const r = await runCli(['check', file('syntax.mts', 'export const x = 1; syntax error here\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot load the module: \S*syntax\.m?ts:1:27: Expected ";" but found "error"$/m);
  }, 60_000);

  it('says why a .ts module outside a "type": "module" package does not load (tsx loads it as CommonJS), and how to fix it', async () => {
    // The temporary directory has no package.json: a .ts file there is CommonJS to Node.
    const r = await runCli(['check', file('cjs.ts', 'export default 42;\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cjs\.ts: cannot load the module: it is loaded as CommonJS \(its package\.json has no "type": "module"\): name it \.mts/);
  }, 60_000);

  it('checks the 2PC example from the CLI with a worker thread (585 states, exit 1), a bad module is one line with exit 2, and diagram draws the participant machine of the module', async () => {
    const [ok, none, bad, drawn] = await Promise.all([
      runCli(['check', 'examples/two-phase-commit/system.ts', '--workers', '1', '--json', '--trace-dir', dir]),
      runCli(['check', file('none2.mjs', 'export const x = 1;')]),
      runCli(['check', './no/such/system.ts']),
      runCli(['diagram', 'examples/two-phase-commit/system.ts#participant']),
    ]);
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(drawn.stdout).toMatch(/state "prepared"/);
    expect(ok.code, ok.stderr).toBe(1);
    expect(JSON.parse(ok.stdout)).toMatchObject({ model: 'two-phase-commit', states: 585, verdict: 'fail' });
    for (const r of [none, bad]) {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(bad.stderr).toMatch(/no\/such\/system\.ts: no such file/);
  }, 60_000);
});
