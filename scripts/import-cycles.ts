/**
 * The project's modules form no import cycle (../shared/DESIGN.md: layers import
 * downwards only). Type-only imports count too: a cycle of types is still two modules
 * that cannot be read, moved or tested one without the other. Tests are left out (a test
 * may import from above the module it tests). scripts/import-cycles.test.ts holds the
 * tree to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SOURCE_ROOTS } from './fast-check-imports.ts';

/** Relative specifiers of static imports and re-exports (`import x from './a.ts'`, `export * from`). */
const RELATIVE_IMPORT = /(?:^|\n)[ \t]*(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative modules `source` (at `file`) imports, as absolute paths. */
export function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((m) => resolve(dirname(file), m[1]));
}

/**
 * The import cycles of a module graph: its strongly connected components with more than
 * one module, or one that imports itself (Tarjan's algorithm, iterative, so deep graphs
 * do not overflow the stack). Each cycle is sorted; cycles are in no particular order.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next); low.set(root, next++); stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = (graph.get(top.node) ?? []).filter((w) => graph.has(w));
      if (top.edge < edges.length) {
        const w = edges[top.edge++];
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next++); stack.push(w); onStack.add(w);
          work.push({ node: w, edge: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== top.node);
      if (component.length > 1 || edges.includes(top.node)) cycles.push(component.sort());
    }
  }
  return cycles;
}

/** The non-test TypeScript modules under `root`'s source folders, and their import cycles. */
export function projectImportCycles(root: string): { modules: number; cycles: string[][] } {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(path); }
      else if (/\.[cm]?ts$/.test(e.name) && !/\.test\.[cm]?ts$/.test(e.name)) graph.set(path, importsOf(path, readFileSync(path, 'utf8')));
    }
  };
  for (const dir of SOURCE_ROOTS) {
    try { walk(resolve(root, dir)); } catch { /* a folder the tree does not have */ }
  }
  return { modules: graph.size, cycles: importCycles(graph).map((c) => c.map((f) => relative(root, f))) };
}
