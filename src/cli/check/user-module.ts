/**
 * `coordkit check ./system.ts`: loads a user's module and finds the system in it. The
 * module exports a system (default export or `system`), or a function of the CLI's
 * `--param key=value` pairs returning one (it may be async). Anything else is a user
 * error in one line: a path that does not exist, an extension we cannot load, a module
 * that throws while loading, an export that is not a system.
 *
 * `buildUserSystem` is also the recipe parallel expansion workers run to rebuild the
 * same system in their threads (src/explore/parallel-worker.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSystem } from '../../api/define-system.ts';
import type { SystemSpec } from '../../explore/spec.ts';
import { UserError } from '../errors.ts';

export type Params = Record<string, string>;

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '.cts'];

/** True when a `check` argument names a module file rather than a bundled model. */
export const looksLikeModulePath = (arg: string): boolean =>
  arg.includes('/') || arg.includes('\\') || EXTENSIONS.includes(extname(arg));

/** A module's short name (for trace and diagram file names): its file name, or its folder's for system.ts / index.ts. */
export function moduleName(file: string): string {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return stem === 'system' || stem === 'index' ? basename(dirname(resolve(file))) : stem;
}

/** Parses repeated `--param key=value` into an object (later keys win). */
export function parseParam(raw: string, previous: Params = {}): Params {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UserError(`--param takes key=value, got '${raw}'`, { field: '--param' });
  return { ...previous, [raw.slice(0, eq)]: raw.slice(eq + 1) };
}

/** Imports the module and returns its system, built with `params` if it exports a function. */
/**
 * The one line of an import failure worth printing: its message's first line, except for a
 * syntax error, whose first line from esbuild (through tsx) is only "Transform failed with 1
 * error:" and whose next line says where (`file:line:col: ERROR: ...`), and a module loaded
 * as CommonJS, whose message says nothing of the cause.
 */
function loadFailure(err: unknown): string {
  const lines = String((err as Error)?.message ?? err).split('\n').filter((l) => l.trim() !== '');
  if (/^Transform failed with \d+ errors?:$/.test(lines[0] ?? '') && lines[1]) return lines[1].replace(': ERROR: ', ': ');
  // Node 20.19+ with tsx: a .ts file in a package without "type": "module" is loaded as CommonJS and fails so.
  if (/^Cannot require\(\) ES Module .* in a cycle/.test(lines[0] ?? '')) {
    return 'it is loaded as CommonJS (its package.json has no "type": "module"): name it .mts, or add "type": "module" to that package.json';
  }
  return lines[0] ?? String(err);
}

export async function loadUserSystem(file: string, params: Params = {}): Promise<SystemSpec> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError('no such file', { file });
  if (!statSync(path).isFile()) throw new UserError('not a file', { file });
  if (!EXTENSIONS.includes(extname(path))) throw new UserError(`cannot load '${extname(path) || 'no extension'}': give a ${EXTENSIONS.join(', ')} module`, { file });
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(path).href) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`cannot load the module: ${loadFailure(err)}`, { file });
  }
  const name = 'default' in mod && mod.default !== undefined ? 'default' : 'system' in mod ? 'system' : null;
  if (name === null) throw new UserError('exports no system: export one as default or as `system` (from defineSystem)', { file });
  let exported = mod[name];
  if (typeof exported === 'function') {
    try {
      exported = await (exported as (p: Params) => unknown)(params);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(err.message, { file, field: err.where.field });
      throw new UserError(`the exported function failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`, { file, field: name });
    }
  } else if (Object.keys(params).length > 0) {
    throw new UserError(`--param given, but the module exports a system, not a function of parameters`, { file, field: '--param' });
  }
  if (!isSystem(exported)) throw new UserError(`the ${name === 'default' ? 'default export' : '`system` export'} is not a system (build it with defineSystem)`, { file, field: name });
  return exported;
}

/** The worker recipe: the same module, the same parameters, the same system. */
export function buildUserSystem(args: { file: string; params: Params }): Promise<SystemSpec> {
  return loadUserSystem(args.file, args.params);
}

/**
 * The system with its counterexamples' `custom` headers naming where it came from (the
 * module as given, and its parameters), so a trace says how to verify it.
 */
export function withOrigin(spec: SystemSpec, file: string, params: Params): SystemSpec {
  const traceHeader = () => {
    const h = spec.traceHeader();
    if (h.protocol !== 'custom') return h;
    return { ...h, config: { ...h.config, module: file, ...(Object.keys(params).length > 0 ? { params } : {}) } };
  };
  return Object.assign(Object.create(Object.getPrototypeOf(spec) as object) as SystemSpec, spec, { traceHeader });
}
