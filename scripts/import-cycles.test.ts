import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importCycles, importsOf, projectImportCycles } from './import-cycles.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('import cycles', () => {
  it('the project has none (type-only imports included)', () => {
    const { modules, cycles } = projectImportCycles(root);
    expect(modules).toBeGreaterThan(200);
    expect(cycles).toEqual([]);
  });

  it('finds a two-module type cycle, a longer one and a self-import, and nothing in a diamond', () => {
    expect(importCycles(graph({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
    expect(importCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(importCycles(graph({ a: ['a'] }))).toEqual([['a']]);
    expect(importCycles(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('reads static imports, type imports and re-exports, not packages or dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from './c.ts';",
      "import {\n  d,\n  e,\n} from './d.ts';",
      "import fc from 'fast-check';",
      "const lazy = await import('./lazy.ts');",
    ].join('\n');
    expect(importsOf('/x/y/m.ts', source)).toEqual(['/x/y/a.ts', '/x/b.ts', '/x/y/c.ts', '/x/y/d.ts']);
  });
});
