/**
 * THE PACKAGE AS USERS GET IT (slow-ish: ~30-60 s; it builds dist/ through `npm pack`).
 * Packs the tarball, installs it into an empty temporary project without the network
 * (the tarball is unpacked into node_modules/coordkit and the checkout's installed
 * dependencies are linked beside it: the npm cache may not hold them, and nothing is
 * downloaded), then: imports the API from plain JavaScript, type-checks a TypeScript
 * file against the shipped .d.ts, and runs `npx coordkit check` on the two-phase-commit
 * example, which imports the package by name as a user's module would.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'coordkit-pack-'));
const proj = join(work, 'proj');

async function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const USE_JS = `
import { defineSystem, check, invariant, eventually } from 'coordkit';
import { checkSystem } from 'coordkit/vitest';
import { setup, assign } from 'xstate';
const counter = setup({ types: { context: {}, events: {} } }).createMachine({
  id: 'counter', context: { n: 0 }, initial: 'run',
  states: { run: { on: { inc: { guard: ({ context }) => context.n < 3, actions: assign({ n: ({ context }) => context.n + 1 }) } } } },
});
const system = defineSystem({
  name: 'counter', actors: [{ id: 'a', role: 'counter', machine: counter }],
  offers: (ctx) => ctx.offer('inc', () => ({ type: 'inc' })),
  properties: [invariant('small', 'n stays at most 3', (v) => v.actor('a').snapshot.context.n <= 3 || 'too big')],
  liveness: [eventually('reaches-3', 'n reaches 3', (v) => v.actor('a').snapshot.context.n === 3)],
  fairness: { offers: ['inc'] },
});
const r = await check(system);
await checkSystem(system);
console.log(JSON.stringify({ verdict: r.verdict, states: r.summary.states, properties: r.summary.properties.map((p) => p.name + ':' + p.status) }));
`;

const USE_TS = `
import { defineSystem, check, verifyTrace, type CheckResult, type SystemSpec } from 'coordkit';
import { checkSystem } from 'coordkit/vitest';
declare const spec: SystemSpec;
const sys = defineSystem({ name: 'x', actors: spec.actors, properties: [] });
const result: Promise<CheckResult> = check(sys, { strategy: 'dfs', maxStates: 10 });
const verdict: Promise<'pass' | 'fail' | 'bounded' | 'incomplete'> = checkSystem(sys).then((r) => r.verdict);
const outcome: Promise<string> = verifyTrace({ file: 'x.jsonl' }).then((v) => v.outcome);
// @ts-expect-error: strategy is 'bfs' | 'dfs'
check(sys, { strategy: 'sideways' });
export { result, verdict, outcome };
`;

describe('the packed tarball (npm pack, offline install into an empty project)', () => {
  beforeAll(async () => {
    const pack = await run('npm', ['pack', '--pack-destination', work, '--silent'], root);
    expect(pack.code, pack.stderr).toBe(0);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    mkdirSync(join(proj, 'node_modules'), { recursive: true });
    writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', type: 'module', private: true }));
    const untar = await run('tar', ['-xzf', join(work, tgz), '-C', join(proj, 'node_modules')], proj);
    expect(untar.code, untar.stderr).toBe(0);
    renameSync(join(proj, 'node_modules', 'package'), join(proj, 'node_modules', 'coordkit'));
    // The installed dependencies, linked instead of downloaded.
    for (const dep of readdirSync(join(root, 'node_modules'))) {
      if (dep === '.bin' || dep === 'coordkit' || dep.startsWith('.')) continue;
      symlinkSync(join(root, 'node_modules', dep), join(proj, 'node_modules', dep));
    }
    mkdirSync(join(proj, 'node_modules', '.bin'));
    symlinkSync('../coordkit/bin/coordkit.mjs', join(proj, 'node_modules', '.bin', 'coordkit'));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships dist/ (JavaScript and .d.ts) and no TypeScript sources of the CLI', () => {
    const files = readdirSync(join(proj, 'node_modules', 'coordkit', 'dist', 'src'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'api', 'cli']));
    expect(() => readdirSync(join(proj, 'node_modules', 'coordkit', 'src'))).toThrow();
  });

  it('imports the API from plain JavaScript: a 4-state counter passes its invariant and liveness', async () => {
    writeFileSync(join(proj, 'use.mjs'), USE_JS);
    const r = await run('node', ['use.mjs'], proj);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ verdict: 'pass', states: 4, properties: ['small:holds', 'reaches-3:holds'] });
  }, 60_000);

  it('type-checks a TypeScript user file against the shipped declarations (and rejects a bad option)', async () => {
    writeFileSync(join(proj, 'use.ts'), USE_TS);
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['use.ts'],
    }));
    const r = await run('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], proj);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('runs `npx coordkit check` on the two-phase-commit example: 585 states, agreement holds, all-decide fails with a 2-step cycle (exit 1)', async () => {
    copyFileSync(join(root, 'examples', 'two-phase-commit', 'system.ts'), join(proj, 'tpc.ts'));
    const r = await run('npx', ['--offline', 'coordkit', 'check', './tpc.ts', '--json', '--trace-dir', join(work, 'cx')], proj);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout, r.stderr).not.toBe("");
    const summary = JSON.parse(r.stdout);
    expect(summary.states).toBe(585);
    expect(summary.properties.find((p: { name: string }) => p.name === 'agreement').status).toBe('holds');
    expect(summary.properties.find((p: { name: string }) => p.name === 'all-decide')).toMatchObject({ status: 'violated', loop: { prefixSteps: 5, cycleSteps: 2 } });
  }, 60_000);
});
