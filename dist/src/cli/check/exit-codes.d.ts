/**
 * Exit codes of `coordkit check` and `coordkit run`, in one place so the commands, `all`
 * and the README agree: 0 pass, 1 a property fails, 2 unusable input (or an output that
 * could not be written; the result is still printed), 3 a search that did not cover
 * everything (BOUNDED by --max-depth, or INCOMPLETE: state limit, memory cap, a signal).
 */
import type { CheckVerdict } from './runner.ts';
export declare const EXIT: {
    readonly pass: 0;
    readonly fail: 1;
    readonly unusable: 2;
    readonly incomplete: 3;
};
export declare function verdictExitCode(verdict: CheckVerdict): number;
/** The paragraph `coordkit check --help` and `coordkit run --help` end with. */
export declare const CHECK_EXIT_HELP = "\nExit codes: 0 PASS (every reachable state explored, every property as required),\n1 FAIL (a property is violated, or a reachability check is never reached: vacuous),\n2 unusable input or an output that could not be written (the result is still printed),\n3 BOUNDED (--max-depth cut the search) or INCOMPLETE (--max-states, --max-memory,\nCtrl-C or SIGTERM; with --checkpoint the search is saved for --resume).";
export declare const RUN_EXIT_HELP = "\nExit codes: 0 recorded for the whole --duration, 2 unusable input or a trace that could\nnot be (fully) written, 3 stopped early by Ctrl-C or SIGTERM (nodes stopped, the trace\na valid prefix).";
