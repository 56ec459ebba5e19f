/**
 * fast-check is imported one way (README, "Test tiers"): a test file (`*.test.ts`) takes
 * `fc` (with `test` or `it`, for `test.prop`) from '@fast-check/vitest'; any other file
 * (the generators of the thirdparty harness, drive's fastcheck mode, test helpers)
 * imports the package itself as `import fc from 'fast-check'`. One spelling each, so no
 * reader wonders whether two `fc`s differ, and no test runs properties outside vitest's
 * reporting. scripts/fast-check-imports.test.ts holds the tree to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folders vitest and the build read (vitest.config.ts), where source lives. */
export const SOURCE_ROOTS = ['src', 'models', 'conformance', 'bench', 'scripts', 'clients', 'examples', 'docs', 'bin'];

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const TEST = /\.test\.[cm]?[jt]s$/;
const LIBRARY_IMPORT = "import fc from 'fast-check';";

/** Static imports and re-exports of either package (to the end of the statement), and dynamic imports. */
const STATEMENT = /(?:^|\n)[ \t]*((?:import|export)\b[^;]*?\bfrom\s*['"](fast-check|@fast-check\/vitest)['"];?)/g;
const DYNAMIC = /\bimport\(\s*['"](fast-check|@fast-check\/vitest)['"]\s*\)/g;

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** "file:line: what is wrong" for each fast-check import of `file` not written the one way. */
export function fastCheckImportProblems(file: string, source: string): string[] {
  const test = TEST.test(file);
  const problems: string[] = [];
  for (const m of source.matchAll(STATEMENT)) {
    const [, statement, from] = m;
    const at = `${file}:${lineAt(source, m.index + m[0].indexOf(statement))}`;
    if (test && from !== '@fast-check/vitest') problems.push(`${at}: a test takes fc from '@fast-check/vitest' (import { fc, test } from '@fast-check/vitest'), not from '${from}'`);
    if (!test && statement.replace(/\s+/g, ' ').replace(/;?$/, ';') !== LIBRARY_IMPORT) problems.push(`${at}: outside tests fast-check is imported as \`${LIBRARY_IMPORT}\`, not \`${statement}\``);
  }
  for (const m of source.matchAll(DYNAMIC)) {
    problems.push(`${file}:${lineAt(source, m.index)}: a dynamic import of '${m[1]}': import it statically, the one way`);
  }
  return problems;
}

/** Source files under the roots (relative to `root`), skipping dependencies and build output. */
function sourceFiles(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.') ? [] : sourceFiles(root, path);
    return e.isFile() && SOURCE.test(e.name) ? [relative(root, path)] : [];
  });
}

/** Every problem in the tree at `root`. */
export function treeFastCheckImportProblems(root: string): string[] {
  return SOURCE_ROOTS.flatMap((r) => sourceFiles(root, join(root, r)))
    .flatMap((file) => fastCheckImportProblems(file, readFileSync(join(root, file), 'utf8')));
}
