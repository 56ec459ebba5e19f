/**
 * Exit codes of `coordkit check` and `coordkit run`, in one place so the commands, `all`
 * and the README agree: 0 pass, 1 a property fails, 2 unusable input (or an output that
 * could not be written; the result is still printed), 3 a search that did not cover
 * everything (BOUNDED by --max-depth, or INCOMPLETE: state limit, memory cap, a signal).
 */
import type { CheckVerdict } from './runner.ts';

export const EXIT = { pass: 0, fail: 1, unusable: 2, incomplete: 3 } as const;

export function verdictExitCode(verdict: CheckVerdict): number {
  if (verdict === 'pass') return EXIT.pass;
  if (verdict === 'fail') return EXIT.fail;
  return EXIT.incomplete;
}
