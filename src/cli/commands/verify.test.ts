import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

const run = runCli;

describe('coordkit verify / schema / itf', () => {
  it('exits 0 on a passing trace, 1 on a failing one with a JUnit report, 2 on malformed input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-verify-'));
    const pass = await run(['verify', 'traces/cluster/follower-pause-short.pass.jsonl', '--json']);
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout)[0].verdicts.every((v: { status: string }) => v.status !== 'fail')).toBe(true);

    const junit = join(dir, 'out.xml');
    const fail = await run(['verify', 'traces/cluster/live-follower-suspected.fail.fd-accuracy.jsonl', '--junit', junit]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/FAIL cluster\.fd-accuracy/);
    expect(await readFile(junit, 'utf8')).toMatch(/<failure message="line \d+/);

    const bad = join(dir, 'bad.jsonl');
    const text = await readFile('traces/cluster/follower-pause-short.pass.jsonl', 'utf8');
    await writeFile(bad, text.slice(0, -20));
    const broken = await run(['verify', bad]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`${bad}:\\d+: truncated last line`));
    expect(broken.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }, 180_000);

  it('writes the JSON Schema and round-trips ITF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coordkit-itf-'));
    const schemaFile = join(dir, 'trace.schema.json');
    expect((await run(['schema', '--json-schema', '--out', schemaFile])).code).toBe(0);
    expect(JSON.parse(await readFile(schemaFile, 'utf8'))).toHaveProperty('$schema');
    const src = 'traces/paxos/correct-seed1.pass.jsonl';
    const itf = join(dir, 't.itf.json');
    const back = join(dir, 'back.jsonl');
    expect((await run(['itf', 'export', src, '--out', itf])).code).toBe(0);
    expect((await run(['itf', 'import', itf, '--out', back])).code).toBe(0);
    const parse = (t: string) => t.trim().split('\n').map((l) => JSON.parse(l));
    expect(parse(await readFile(back, 'utf8'))).toEqual(parse(await readFile(src, 'utf8')));
  }, 180_000);
});
