import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allDocCommands, docCommands, docFiles } from './doc-examples.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('doc-examples: the extractor', () => {
  it('takes only `sh test` blocks, with their exit code, and skips comments', () => {
    const md = ['```sh test exit=1', '# a comment', 'false', '', '```', '```sh', 'rm -rf /', '```', '```sh test', 'true', '```'].join('\n');
    expect(docCommands('x.md', md)).toEqual([
      { file: 'x.md', line: 3, command: 'false', exit: 1, timeoutSeconds: 120 },
      { file: 'x.md', line: 10, command: 'true', exit: 0, timeoutSeconds: 120 },
    ]);
  });
});

describe('doc-examples: every marked command in README.md and docs/ runs as written', () => {
  it('the README opens with exactly the two commands of a fresh machine', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8').split('\n');
    const open = readme.indexOf('```');
    expect(readme.slice(open, open + 4)).toEqual(['```', 'npm ci && npm start', 'npm ci && npm test', '```']);
  });

  it('no documented command calls a bare `coordkit` (it is not on PATH in a checkout)', () => {
    // Only lines inside fenced blocks are commands: prose may start a sentence with "coordkit".
    const inFence = (lines: string[]) => { let open = false; return lines.map((l) => (l.trim().startsWith('```') ? (open = !open, false) : open)); };
    const bare = docFiles(root).flatMap((f) => {
      const lines = readFileSync(`${root}${f}`, 'utf8').split('\n');
      const fenced = inFence(lines);
      return lines.map((l, i) => ({ f, i: i + 1, l: l.trim() }))
        .filter(({ i, l }) => fenced[i - 1] && /^(\$ )?coordkit\s/.test(l));
    });
    expect(bare.map(({ f, i, l }) => `${f}:${i}: ${l}`)).toEqual([]);
  });

  for (const c of allDocCommands(root)) {
    it(`${c.file}:${c.line}: ${c.command} (exit ${c.exit})`, () => {
      const r = spawnSync('bash', ['-c', c.command], { cwd: root, encoding: 'utf8', timeout: c.timeoutSeconds * 1000, env: { ...process.env, FORCE_COLOR: '0' } });
      expect(r.status, `${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(c.exit);
    }, c.timeoutSeconds * 1000 + 5000);
  }
});
