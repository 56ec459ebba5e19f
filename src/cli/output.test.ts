/** The shared output helpers: paths checked before work, atomic writes, results never lost. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from './errors.ts';
import { checkOutputPath, describeError, saveResult, streamErrorExit, writeOutputFile } from './output.ts';

const dir = mkdtempSync(join(tmpdir(), 'coordkit-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('checkOutputPath', () => {
  it('accepts a new file in an existing directory and an existing regular file', async () => {
    await expect(checkOutputPath(join(dir, 'new.xml'))).resolves.toBeUndefined();
    writeFileSync(join(dir, 'old.xml'), 'x');
    await expect(checkOutputPath(join(dir, 'old.xml'))).resolves.toBeUndefined();
  });

  it.each([
    ['a missing parent directory', () => join(dir, 'nope', 'r.xml'), /directory .*nope does not exist/],
    ['a directory', () => dir, /is a directory: an output must be a regular file/],
    ['a device', () => '/dev/null', /is a device/],
    ['a parent that is a file', () => { writeFileSync(join(dir, 'plain'), ''); return join(dir, 'plain', 'r.xml'); }, /is not a directory/],
    ['an empty path', () => '', /an empty output path/],
  ])('refuses %s, naming the path and the option', async (_, path, message) => {
    const p = path();
    const err = await refusal(checkOutputPath(p, '--junit'));
    expect(err.message).toMatch(message);
    expect(err.where).toEqual({ file: p, field: '--junit' });
  });
});

describe('writeOutputFile and saveResult', () => {
  it('replaces a file whole and leaves no temporary file (1 entry in the directory)', async () => {
    const sub = join(dir, 'atomic');
    mkdirSync(sub);
    const f = join(sub, 'r.txt');
    writeFileSync(f, 'old contents, longer than the new');
    await writeOutputFile(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(sub)).toEqual(['r.txt']);
  });

  it('when the write fails after the check, prints the result to the fallback and says so', async () => {
    const sub = join(dir, 'race');
    mkdirSync(sub);
    const target = join(sub, 'r.xml');
    await checkOutputPath(target);
    mkdirSync(join(target, 'occupied'), { recursive: true }); // the path became a non-empty directory meanwhile
    const fallback = new PassThrough();
    let printed = '';
    fallback.on('data', (c: Buffer) => { printed += c.toString(); });
    const err = await refusal(saveResult(target, '<testsuites/>', fallback));
    expect(printed).toBe('<testsuites/>\n');
    expect(err.where.file).toBe(target);
    expect(err.message).toMatch(/^cannot write: .*; the result was printed to standard output instead$/);
    expect(readdirSync(sub)).toEqual(['r.xml']); // no temporary file left behind
  });
});

describe('standard stream errors', () => {
  it('a closed pipe ends quietly with the exit code so far; a full disk is one line, exit 2', () => {
    const saved = process.exitCode;
    try {
      process.exitCode = 1;
      expect(streamErrorExit(Object.assign(new Error('x'), { code: 'EPIPE' }), 'stdout')).toEqual({ code: 1 });
      process.exitCode = undefined;
      expect(streamErrorExit(Object.assign(new Error('x'), { code: 'EPIPE' }), 'stdout')).toEqual({ code: 0 });
      expect(streamErrorExit(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'stdout')).toEqual({
        code: 2, message: 'coordkit: cannot write to standard output: ENOSPC (no space left on device)\n',
      });
    } finally {
      process.exitCode = saved;
    }
    expect(describeError(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('EWEIRD');
  });
});
