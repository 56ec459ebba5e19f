/**
 * The commands the documentation shows, as data: every fenced block whose info string is
 * `sh test` (optionally `exit=N`, `timeout=S`) in README.md, docs/*.md, docs/guides/*.md and
 * models/NAME/README.md.
 * scripts/doc-examples.test.ts runs each line of each such block from the repository root
 * and expects its exit code, so a command in the docs is a command that works as written.
 *
 * Unmarked blocks are prose (long runs such as `--ballots 5`, or output samples); a block
 * marked `sh test` must stay fast (seconds), since `npm test` runs it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocCommand {
  file: string;
  /** 1-based line of the command in its file. */
  line: number;
  command: string;
  exit: number;
  timeoutSeconds: number;
}

const FENCE = /^```(.*)$/;

/** The `sh test` commands of one Markdown text. */
export function docCommands(file: string, text: string): DocCommand[] {
  const out: DocCommand[] = [];
  const lines = text.split('\n');
  let block: { exit: number; timeoutSeconds: number } | null = null;
  let inFence = false;
  lines.forEach((raw, i) => {
    const fence = FENCE.exec(raw.trim());
    if (fence) {
      if (inFence) { inFence = false; block = null; return; }
      inFence = true;
      const words = fence[1].trim().split(/\s+/);
      if (words[0] === 'sh' && words.includes('test')) {
        const opt = (name: string, d: number) => Number(words.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1) ?? d);
        block = { exit: opt('exit', 0), timeoutSeconds: opt('timeout', 120) };
      }
      return;
    }
    if (!inFence || block === null) return;
    const command = raw.trim();
    if (command === '' || command.startsWith('#')) return;
    out.push({ file, line: i + 1, command, ...block });
  });
  return out;
}

/** Every documentation file the doc test reads, relative to the repository root. */
export function docFiles(root: string): string[] {
  const md = (dir: string) => existsSync(join(root, dir))
    ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f))
    : [];
  const models = existsSync(join(root, 'models'))
    ? readdirSync(join(root, 'models')).sort().map((d) => join('models', d, 'README.md')).filter((f) => existsSync(join(root, f)))
    : [];
  return ['README.md', ...md('docs'), ...md('docs/guides'), ...models];
}

export function allDocCommands(root: string): DocCommand[] {
  return docFiles(root).flatMap((f) => docCommands(f, readFileSync(join(root, f), 'utf8')));
}
