/** The installed version of an npm package, read from its package.json at run time. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function installedVersion(pkg: string): string {
  // Some packages do not export ./package.json: find it beside the main entry point.
  let dir = dirname(require.resolve(pkg));
  for (let i = 0; i < 5; i++) {
    try {
      const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (p.name === pkg && p.version) return p.version;
    } catch { /* not here */ }
    dir = dirname(dir);
  }
  throw new Error(`cannot find ${pkg}'s package.json`);
}

let generation = 0;

/** A fresh process, emulated inside the library's child process: every package loaded
 * through lazyRequire is loaded anew (its require cache entries dropped), so module-level
 * state starts over as it would in a new process. */
export function reloadPackages(): void {
  generation++;
  for (const key of Object.keys(require.cache)) {
    if (key.includes('/node_modules/') && !/\/node_modules\/(tsx|esbuild|fast-check|zod)\//.test(key)) delete require.cache[key];
  }
}

/** Loads a CommonJS package lazily: the harness process itself never runs library code. */
export function lazyRequire<T>(pkg: string): () => T {
  let mod: T | undefined;
  let loadedIn = -1;
  return () => {
    if (loadedIn !== generation) { mod = require(pkg) as T; loadedIn = generation; }
    return mod as T;
  };
}
