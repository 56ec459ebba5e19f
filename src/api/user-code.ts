/**
 * A user system's callbacks (its properties and its offers) run deep inside the explorer and
 * the trace replay. An exception thrown by one is a mistake in the user's system, not in
 * coordkit: `guarded` turns it into a UserError naming the system, the callback and where it
 * threw (one line, exit 2), instead of a stack trace through the explorer (whose exit 1 reads
 * as a property violation) or a replay failure blamed on coordkit.
 */
import { UserError } from '../../conformance/schema/user-error.ts';

/** coordkit's own code (sources or build) and its dependencies: frames to look past. */
const ROOT = new URL('../../', import.meta.url).pathname;
const OURS = [`${ROOT}src/`, `${ROOT}conformance/`, '/node_modules/'];

/** `fn`, with whatever it throws (other than a UserError) reported as a mistake in `system`'s `what`. */
export function guarded<A extends unknown[], R>(system: string, what: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      throw userCodeError(system, what, err);
    }
  };
}

function userCodeError(system: string, what: string, err: unknown): UserError {
  if (err instanceof UserError) return err;
  const e = err instanceof Error ? err : undefined;
  const frames = (e?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.trim().slice(3));
  // The user's own line if the stack shows one, else the innermost frame.
  const at = frames.find((f) => !OURS.some((dir) => f.includes(dir))) ?? frames[0];
  const thrown = e ? `${e.name}: ${e.message}` : String(err);
  return new UserError(`${what} threw ${thrown}${at ? ` (at ${at})` : ''}`, { field: `system '${system}'` });
}
