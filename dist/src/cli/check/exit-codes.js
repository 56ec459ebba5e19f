export const EXIT = { pass: 0, fail: 1, unusable: 2, incomplete: 3 };
export function verdictExitCode(verdict) {
    if (verdict === 'pass')
        return EXIT.pass;
    if (verdict === 'fail')
        return EXIT.fail;
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
