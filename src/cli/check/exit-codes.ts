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

/** The paragraph `coordkit check --help` and `coordkit run --help` end with. */
export const CHECK_EXIT_HELP = `
Exit codes: 0 PASS (every reachable state explored, every property as required),
1 FAIL (a property is violated, or a reachability check is never reached: vacuous),
2 unusable input or an output that could not be written (the result is still printed),
3 BOUNDED (--max-depth cut the search) or INCOMPLETE (--max-states, --max-memory,
Ctrl-C or SIGTERM; with --checkpoint the search is saved for --resume).`;

export const RUN_EXIT_HELP = `
Exit codes: 0 recorded for the whole --duration, 2 unusable input or a trace that could
not be (fully) written, 3 stopped early by Ctrl-C or SIGTERM (nodes stopped, the trace
a valid prefix).`;
