import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fastCheckImportProblems, treeFastCheckImportProblems } from './fast-check-imports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('fast-check is imported one way', () => {
  it('accepts the two spellings: @fast-check/vitest in a test, `import fc from` fast-check elsewhere', () => {
    expect(fastCheckImportProblems('a.test.ts', "import { fc, test } from '@fast-check/vitest';\nimport { it, fc } from '@fast-check/vitest';")).toEqual([]);
    expect(fastCheckImportProblems('gen.ts', "import { z } from 'zod';\nimport fc from 'fast-check';\n")).toEqual([]);
  });

  it('flags fast-check itself in a test, naming file and line (2)', () => {
    expect(fastCheckImportProblems('a.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';")).toEqual([
      "a.test.ts:2: a test takes fc from '@fast-check/vitest' (import { fc, test } from '@fast-check/vitest'), not from 'fast-check'",
    ]);
    expect(fastCheckImportProblems('b.test.ts', "import type { Arbitrary } from 'fast-check';")).toHaveLength(1);
  });

  it('flags other spellings outside tests: a namespace, named imports, a multi-line list, the vitest package, a dynamic import', () => {
    for (const source of [
      "import * as fc from 'fast-check';",
      "import { assert, property } from 'fast-check';",
      "import {\n  integer,\n} from 'fast-check';",
      "import { fc } from '@fast-check/vitest';",
      "export { default as fc } from 'fast-check';",
      `const fc = await ${'import'}('fast-check');`, // spelled apart, or the tree check below would flag this file
    ]) {
      expect(fastCheckImportProblems('lib.ts', source), source).toHaveLength(1);
    }
  });

  it('holds across the tree (src, models, conformance, bench, scripts, clients, examples, docs, bin): no problem', () => {
    expect(treeFastCheckImportProblems(root)).toEqual([]);
  });
});
